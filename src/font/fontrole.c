/* fontrole.c — role names; see fontrole.h. */
#include "fontrole.h"

#include <string.h>

static const char *const role_names[ROLE_COUNT] = {
	"title", "body", "h1", "h2", "h3", "h4", "pagenum",
};

const char *font_role_name(FontRole role)
{
	return role < ROLE_COUNT ? role_names[role] : "?";
}

bool font_role_parse(const char *name, FontRole *role)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (strcmp(name, role_names[r]) == 0) {
			*role = (FontRole)r;
			return true;
		}
	return false;
}
