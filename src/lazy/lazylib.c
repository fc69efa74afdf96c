/* lazylib.c — dlopen a library and look up its functions; see
 * lazylib.h. */
#include "lazylib.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

bool lazylib_load(LazyLib *l, char **err)
{
	if (l->state == 0) {
		void *h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
		const char *missing = NULL;
		for (size_t i = 0; h && i < l->n && !missing; i++) {
			void *f = dlsym(h, l->names[i]);
			if (f)
				memcpy((char *)l->fns + i * sizeof(void (*)(void)), &f, sizeof f);
			else
				missing = l->names[i];
		}
		if (!h) {
			const char *e = dlerror();
			l->why = xasprintf(_("cannot load %s (%s); install the Debian package %s "
			                     "(apt install %s)"),
			                   l->soname, e ? e : "", l->package, l->package);
		} else if (missing) {
			l->why = xasprintf(_("%s has no function %s: a different version from the one "
			                     "fangan was built with; reinstall the Debian package %s"),
			                   l->soname, missing, l->package);
			dlclose(h);
		}
		l->state = l->why ? -1 : 1;
	}
	if (l->state < 0 && err)
		*err = xstrdup(l->why);
	return l->state > 0;
}
