#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
/* libcurl (Debian libcurl4-openssl-dev) as a Swift module. Its variadic
 * curl_easy_setopt / curl_easy_getinfo are not callable from Swift: the typed
 * wrappers live in the CCurlShim target. */
#include <curl/curl.h>
#endif
