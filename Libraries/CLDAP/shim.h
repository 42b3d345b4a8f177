#ifndef CLDAP_SHIM_H
#define CLDAP_SHIM_H
/* OpenLDAP's client library (libldap 2.5, Debian bookworm's libldap-dev). */
#include <ldap.h>

/* ldap.h defines the search scope as a cast, which Swift does not import. */
static const int cldap_scope_subtree = LDAP_SCOPE_SUBTREE;
#endif
