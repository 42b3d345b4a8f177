#include "CAMQPShim.h"
#include <openssl/ssl.h>
#include <sys/time.h>

static struct timeval camqp_timeval(int timeout_ms) {
  struct timeval tv;
  tv.tv_sec = timeout_ms / 1000;
  tv.tv_usec = (timeout_ms % 1000) * 1000;
  return tv;
}

amqp_socket_t *camqp_tls_socket_new(amqp_connection_state_t state, const char *ca_file, int *status) {
  amqp_socket_t *socket = amqp_ssl_socket_new(state);
  if (socket == NULL) {
    *status = AMQP_STATUS_NO_MEMORY;
    return NULL;
  }
  amqp_ssl_socket_set_verify_peer(socket, 1);
  amqp_ssl_socket_set_verify_hostname(socket, 1);
  if (ca_file != NULL) {
    *status = amqp_ssl_socket_set_cacert(socket, ca_file);
  } else {
    SSL_CTX *context = amqp_ssl_socket_get_context(socket);
    *status = SSL_CTX_set_default_verify_paths(context) == 1 ? AMQP_STATUS_OK : AMQP_STATUS_SSL_ERROR;
  }
  return *status == AMQP_STATUS_OK ? socket : NULL;
}

int camqp_socket_open(amqp_socket_t *socket, const char *host, int port, int timeout_ms) {
  struct timeval tv = camqp_timeval(timeout_ms);
  return amqp_socket_open_noblock(socket, host, port, &tv);
}

amqp_rpc_reply_t camqp_login(amqp_connection_state_t state, const char *vhost,
                             int heartbeat_seconds, const char *connection_name,
                             const char *user, const char *password) {
  amqp_table_entry_t entries[1];
  entries[0].key = amqp_cstring_bytes("connection_name");
  entries[0].value.kind = AMQP_FIELD_KIND_UTF8;
  entries[0].value.value.bytes = amqp_cstring_bytes(connection_name);
  amqp_table_t properties;
  properties.num_entries = 1;
  properties.entries = entries;
  return amqp_login_with_properties(state, vhost, 0, AMQP_DEFAULT_FRAME_SIZE,
                                    heartbeat_seconds, &properties,
                                    AMQP_SASL_METHOD_PLAIN, user, password);
}

int camqp_wait_frame(amqp_connection_state_t state, amqp_frame_t *frame, int timeout_ms) {
  struct timeval tv = camqp_timeval(timeout_ms);
  return amqp_simple_wait_frame_noblock(state, frame, &tv);
}

amqp_rpc_reply_t camqp_consume_message(amqp_connection_state_t state,
                                       amqp_envelope_t *envelope, int timeout_ms) {
  struct timeval tv = camqp_timeval(timeout_ms);
  return amqp_consume_message(state, envelope, &tv, 0);
}

int camqp_send_channel_close_ok(amqp_connection_state_t state, amqp_channel_t channel) {
  amqp_channel_close_ok_t ok;
  return amqp_send_method(state, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
}

int camqp_send_connection_close_ok(amqp_connection_state_t state) {
  amqp_connection_close_ok_t ok;
  return amqp_send_method(state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
}
