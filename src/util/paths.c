/* paths.c — see paths.h. */
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef FANGAN_DATADIR
#define FANGAN_DATADIR "/usr/local/share/fangan"
#endif

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *paths_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* ../share/fangan beside the running binary, when the binary is in a
 * folder named bin; NULL otherwise.  /proc/self/exe is Linux's; where it
 * is missing this candidate is simply skipped. */
char *paths_exe_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	return paths_dir_of(exe);
}

static char *exe_datadir(void)
{
	char *bin = paths_exe_dir();
	if (!bin)
		return NULL;
	size_t bl = strlen(bin);
	char *out = NULL;
	if (bl >= 4 && strcmp(bin + bl - 4, "/bin") == 0) {
		bin[bl - 4] = '\0';
		out = xasprintf("%s/share/fangan", bin);
	}
	free(bin);
	return out;
}

char *paths_datadir(void)
{
	const char *env = getenv("FANGAN_DATADIR");
	if (env && *env)
		return xstrdup(env);
	if (is_dir(FANGAN_DATADIR))
		return xstrdup(FANGAN_DATADIR);
	char *rel = exe_datadir();
	if (rel && is_dir(rel))
		return rel;
	free(rel);
	return xstrdup(FANGAN_DATADIR);
}

/* Is dir the same folder as one already in out[0..n)? */
static bool seen(char **out, size_t n, const char *dir)
{
	struct stat a, b;
	if (stat(dir, &a) != 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (stat(out[i], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return true;
	return false;
}

size_t paths_search(const char *sub, const char *plan, char **out, size_t max)
{
	char *cand[3];
	size_t nc = 0;
	if (plan) {
		char *d = paths_dir_of(plan);
		cand[nc++] = xasprintf("%s/%s", d, sub);
		free(d);
	}
	cand[nc++] = xstrdup(sub);
	char *data = paths_datadir();
	cand[nc++] = xasprintf("%s/%s", data, sub);
	free(data);

	size_t n = 0;
	for (size_t i = 0; i < nc; i++) {
		if (n < max && is_dir(cand[i]) && !seen(out, n, cand[i]))
			out[n++] = cand[i];
		else
			free(cand[i]);
	}
	return n;
}

/* A name that stays inside the folder it is looked up in. */
static bool safe_name(const char *name)
{
	if (!*name || name[0] == '/')
		return false;
	for (const char *s = name; *s;) {
		size_t l = strcspn(s, "/");
		if (l == 0 || (l == 2 && s[0] == '.' && s[1] == '.'))
			return false;
		s += l;
		if (*s == '/')
			s++;
	}
	return true;
}

char *paths_find(const char *sub, const char *name, const char *plan)
{
	if (!safe_name(name))
		return NULL;
	char *dirs[3];
	size_t n = paths_search(sub, plan, dirs, 3);
	char *found = NULL;
	for (size_t i = 0; i < n; i++) {
		char *f = xasprintf("%s/%s", dirs[i], name);
		if (!found && is_file(f))
			found = f;
		else
			free(f);
		free(dirs[i]);
	}
	return found;
}

int paths_open_beneath(const char *base, const char *rel)
{
	if (!safe_name(rel)) {
		errno = EINVAL;
		return -1;
	}
	int dir = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (const char *s = rel; dir >= 0;) {
		size_t l = strcspn(s, "/");
		char *comp = xstrndup(s, l);
		bool last = s[l] == '\0';
		int fl = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (last ? O_NONBLOCK : O_DIRECTORY);
		int fd = openat(dir, comp, fl);
		int e = errno;
		struct stat st;
		/* O_NOFOLLOW|O_DIRECTORY on a symlink may say ENOTDIR. */
		if (fd < 0 && (e == ELOOP || e == ENOTDIR) &&
		    fstatat(dir, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
			e = ESYMLINK;
		free(comp);
		close(dir);
		if (fd < 0) {
			errno = e;
			return -1;
		}
		if (last) {
			if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
				e = S_ISDIR(st.st_mode) ? EISDIR : ENOTREG;
				close(fd);
				errno = e;
				return -1;
			}
			return fd;
		}
		dir = fd;
		s += l + 1;
	}
	return -1;
}

int paths_open(const char *sub, const char *name, const char *plan, char **path)
{
	*path = NULL;
	if (!safe_name(name)) {
		errno = EINVAL;
		return -1;
	}
	/* The bases, in paths_search's order: that function's folders end
	 * in "/sub", which is opened again here below its base. */
	char *dirs[3];
	size_t n = paths_search(sub, plan, dirs, 3);
	char *rel = xasprintf("%s/%s", sub, name);
	int fd = -1, err = ENOENT;
	for (size_t i = 0; i < n; i++) {
		if (!*path) {
			size_t bl = strlen(dirs[i]) - strlen(sub); /* "B/sub" or "sub" */
			char *base = bl ? xstrndup(dirs[i], bl - 1) : xstrdup(".");
			fd = paths_open_beneath(*base ? base : "/", rel);
			err = errno;
			if (fd >= 0 || err != ENOENT)
				*path = xasprintf("%s/%s", dirs[i], name);
			free(base);
		}
		free(dirs[i]);
	}
	free(rel);
	if (fd < 0)
		errno = err;
	return fd;
}
