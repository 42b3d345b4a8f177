#include "CAMQPShim.h"
#include <sys/time.h>

static struct timeval camqp_timeval(int timeout_ms) {
  struct timeval tv;
  tv.tv_sec = timeout_ms / 1000;
  tv.tv_usec = (timeout_ms % 1000) * 1000;
  return tv;
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
