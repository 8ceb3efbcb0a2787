#ifndef HASHIYA_CLIBPQ_SHIM_H
#define HASHIYA_CLIBPQ_SHIM_H
// Debian puts libpq's headers under postgresql/; naming the folder here spares the build a
// pkg-config lookup, which a clean machine may not have.
#include <postgresql/libpq-fe.h>
#endif
