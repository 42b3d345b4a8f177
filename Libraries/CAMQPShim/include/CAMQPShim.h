#ifndef CAMQP_SHIM_H
#define CAMQP_SHIM_H

/* What Swift cannot call or see directly in librabbitmq 0.11: the variadic
 * login, method ids defined as casting macros, and timeouts passed as
 * struct timeval pointers. Everything else is called from Swift as it is. */

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>
#include <stdint.h>

static const amqp_method_number_t CAMQP_CONNECTION_CLOSE = AMQP_CONNECTION_CLOSE_METHOD;
static const amqp_method_number_t CAMQP_CHANNEL_CLOSE = AMQP_CHANNEL_CLOSE_METHOD;
static const amqp_method_number_t CAMQP_BASIC_ACK = AMQP_BASIC_ACK_METHOD;
static const amqp_method_number_t CAMQP_BASIC_NACK = AMQP_BASIC_NACK_METHOD;
static const amqp_method_number_t CAMQP_BASIC_RETURN = AMQP_BASIC_RETURN_METHOD;
static const amqp_method_number_t CAMQP_BASIC_DELIVER = AMQP_BASIC_DELIVER_METHOD;
static const amqp_method_number_t CAMQP_BASIC_CANCEL = AMQP_BASIC_CANCEL_METHOD;
static const amqp_method_number_t CAMQP_BASIC_GET_OK = AMQP_BASIC_GET_OK_METHOD;

/// A TLS socket (OpenSSL) that verifies the broker's certificate chain and that the
/// certificate names the host: against the PEM file `ca_file`, or the system's CAs when it
/// is NULL. Returns the socket, or NULL with `*status` set (AMQP_STATUS_SSL_ERROR when the
/// CA file cannot be read).
amqp_socket_t *camqp_tls_socket_new(amqp_connection_state_t state, const char *ca_file, int *status);

/// Opens the TCP socket with a connect timeout in milliseconds.
int camqp_socket_open(amqp_socket_t *socket, const char *host, int port, int timeout_ms);

/// PLAIN login with a connection name the broker shows in its management UI
/// and `rabbitmqctl list_connections` (so operators can tell services apart).
amqp_rpc_reply_t camqp_login(amqp_connection_state_t state, const char *vhost,
                             int heartbeat_seconds, const char *connection_name,
                             const char *user, const char *password);

/// Waits at most `timeout_ms` for the next frame; AMQP_STATUS_TIMEOUT when none came.
int camqp_wait_frame(amqp_connection_state_t state, amqp_frame_t *frame, int timeout_ms);

/// Waits at most `timeout_ms` for the next delivery on any consuming channel.
amqp_rpc_reply_t camqp_consume_message(amqp_connection_state_t state,
                                       amqp_envelope_t *envelope, int timeout_ms);

/// Answers a broker-initiated channel.close so that the channel can be reopened.
int camqp_send_channel_close_ok(amqp_connection_state_t state, amqp_channel_t channel);

/// Answers a broker-initiated connection.close before the socket is dropped.
int camqp_send_connection_close_ok(amqp_connection_state_t state);

#endif
