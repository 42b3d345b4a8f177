#ifndef CRABBITMQ_SHIM_H
#define CRABBITMQ_SHIM_H
/* librabbitmq 0.11 (Debian bookworm) keeps its headers at the top of /usr/include. */
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>
#endif
