/* yamltree.c — see yamltree.h. */
#include "yamltree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ctrl.h"
#include "util.h"

typedef struct {
	char *name;
	YNode *node;
} Anchor;

typedef struct {
	int first_line;
	size_t nodes;           /* nodes made so far, copies included */
	size_t bytes;           /* scalar text so far, copies included */
	Anchor *anchors;
	size_t nanchors, capanchors;
	YNode *stack[YAML_MAX_DEPTH + 1];
	YNode *pending_key[YAML_MAX_DEPTH + 1]; /* map awaiting a value */
	int depth;
	size_t merge_cmps;      /* key comparisons by merge keys so far */
	YNode **dead;           /* merge keys and values taken out of their
	                           maps; anchors may still point into them */
	size_t ndead, capdead;
	char *err;
	Pos err_pos;
} Builder;

static Pos mark_pos(const Builder *b, yaml_mark_t m)
{
	Pos p = {(int)m.line + b->first_line, (int)m.column + 1};
	return p;
}

static void fail(Builder *b, Pos pos, char *msg)
{
	if (b->err) {
		free(msg);
		return;
	}
	b->err = msg;
	b->err_pos = pos;
}

static YNode *node_new(Builder *b, YKind kind, Pos pos)
{
	if (b->nodes >= YAML_MAX_NODES) {
		fail(b, pos, xasprintf("前置元数据过大：节点超过%d个（别名展开后）",
		                       YAML_MAX_NODES));
		return NULL;
	}
	b->nodes++;
	YNode *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->pos = pos;
	return n;
}

/* The first control character (ctrl.h) in s (n bytes), + 1; 0: none. */
static uint32_t first_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0)
			k = 1;
		else if (char_control(cp))
			return cp + 1;
		i += (size_t)k;
	}
	return 0;
}

/* Counts n bytes of scalar text against the budget; false (and the
 * error) when it is spent. */
static bool text_take(Builder *b, Pos pos, size_t n)
{
	if (n > ((size_t)YAML_MAX_MB << 20) - b->bytes) {
		fail(b, pos, xasprintf("前置元数据过大：文字超过%d MB（别名展开后）",
		                       YAML_MAX_MB));
		return false;
	}
	b->bytes += n;
	return true;
}

static void node_push(YNode *parent, YNode *key, YNode *val)
{
	size_t cap = parent->cap;
	parent->items = xgrow(parent->items, &cap, parent->n + 1, sizeof *parent->items);
	if (parent->kind == Y_MAP) {
		size_t kcap = parent->cap;
		parent->keys = xgrow(parent->keys, &kcap, parent->n + 1, sizeof *parent->keys);
		parent->keys[parent->n] = key;
	}
	parent->cap = cap;
	parent->items[parent->n++] = val;
}

/* Deep copy for alias expansion.  Iterative over an explicit stack so a
 * deep anchored tree cannot exhaust the C stack; every copy counts
 * against the node budget, which is what stops alias bombs. */
static YNode *node_copy(Builder *b, const YNode *src)
{
	typedef struct {
		const YNode *from;
		YNode *to;
	} Job;
	Job *jobs = NULL;
	size_t njobs = 0, cap = 0;
	YNode *root = node_new(b, src->kind, src->pos);
	if (!root)
		return NULL;
	jobs = xgrow(jobs, &cap, 1, sizeof *jobs);
	jobs[njobs++] = (Job){src, root};
	while (njobs > 0 && !b->err) {
		Job j = jobs[--njobs];
		j.to->plain = j.from->plain;
		if (j.from->value) {
			if (!text_take(b, j.to->pos, strlen(j.from->value)))
				break;
			j.to->value = xstrdup(j.from->value);
		}
		for (size_t i = 0; i < j.from->n && !b->err; i++) {
			YNode *k = NULL, *v;
			if (j.from->kind == Y_MAP) {
				k = node_new(b, Y_SCALAR, j.from->keys[i]->pos);
				if (!k)
					break;
				jobs = xgrow(jobs, &cap, njobs + 1, sizeof *jobs);
				jobs[njobs++] = (Job){j.from->keys[i], k};
			}
			v = node_new(b, j.from->items[i]->kind, j.from->items[i]->pos);
			if (!v) {
				ytree_free(k);
				break;
			}
			node_push(j.to, k, v);
			jobs = xgrow(jobs, &cap, njobs + 1, sizeof *jobs);
			jobs[njobs++] = (Job){j.from->items[i], v};
		}
	}
	free(jobs);
	return root;
}

static void anchor_add(Builder *b, const char *name, YNode *n)
{
	if (!name)
		return;
	/* A later anchor of the same name wins, as YAML says. */
	for (size_t i = 0; i < b->nanchors; i++)
		if (strcmp(b->anchors[i].name, name) == 0) {
			b->anchors[i].node = n;
			return;
		}
	b->anchors = xgrow(b->anchors, &b->capanchors, b->nanchors + 1, sizeof *b->anchors);
	b->anchors[b->nanchors++] = (Anchor){xstrdup(name), n};
}

/* Attach a finished node to the current container (or make it the root). */
static void attach(Builder *b, YNode *n, YNode **root)
{
	if (b->depth == 0) {
		if (!*root)
			*root = n;
		else
			ytree_free(n);
		return;
	}
	YNode *top = b->stack[b->depth - 1];
	if (top->kind == Y_SEQ) {
		node_push(top, NULL, n);
	} else if (!b->pending_key[b->depth - 1]) {
		b->pending_key[b->depth - 1] = n;
	} else {
		node_push(top, b->pending_key[b->depth - 1], n);
		b->pending_key[b->depth - 1] = NULL;
	}
}

static bool open_container(Builder *b, YNode *n, YNode **root, const char *anchor)
{
	if (b->depth >= YAML_MAX_DEPTH) {
		fail(b, n->pos, xasprintf("前置元数据嵌套过深：超过%d层", YAML_MAX_DEPTH));
		ytree_free(n);
		return false;
	}
	attach(b, n, root);
	anchor_add(b, anchor, n);
	b->stack[b->depth] = n;
	b->pending_key[b->depth] = NULL;
	b->depth++;
	return true;
}

/* Is n the merge key "<<" (plain: a quoted "<<" is an ordinary key)? */
static bool is_merge_key(const YNode *n)
{
	return n->kind == Y_SCALAR && n->plain && !strcmp(n->value, "<<");
}

enum { MERGE_MAX_CMPS = YAML_MAX_NODES * 100 };

/* Has map m a scalar key equal to k?  Counted against the budget. */
static bool has_key(Builder *b, const YNode *m, const YNode *k)
{
	b->merge_cmps += m->n;
	if (b->merge_cmps > MERGE_MAX_CMPS)
		return true;
	for (size_t i = 0; i < m->n; i++)
		if (m->keys[i] && m->keys[i]->kind == Y_SCALAR && k->kind == Y_SCALAR &&
		    !strcmp(m->keys[i]->value, k->value))
			return true;
	return false;
}

/* YAML's merge key: "<<: *a" or "<<: [*a, *b]" in a mapping brings in
 * the keys of those mappings that it does not set itself, the first
 * mapping listed winning.  The merged nodes are the aliases' copies,
 * already counted against the budgets, so they are moved, not copied;
 * what is left of them is kept until the end (an anchor may point into
 * it).  The key comparisons are bounded by MERGE_MAX_CMPS. */
static void merge_keys(Builder *b, YNode *m)
{
	for (size_t i = 0; i < m->n && !b->err;) {
		if (!is_merge_key(m->keys[i])) {
			i++;
			continue;
		}
		YNode *key = m->keys[i], *v = m->items[i];
		/* A mapping, or a list of nothing but mappings (every item:
		 * a scalar among them was once let through when the last
		 * item was a mapping). */
		bool maps = v->kind == Y_MAP || (v->kind == Y_SEQ && v->n > 0);
		for (size_t k = 0; v->kind == Y_SEQ && k < v->n; k++)
			maps = maps && v->items[k]->kind == Y_MAP;
		if (!maps) {
			fail(b, key->pos,
			     xasprintf("合并键“<<”的值应是映射的别名（如“<<: *通用设置”）或这样的列表，而不是%s",
			               v->kind != Y_SEQ ? ytree_kind_name(v->kind)
			               : v->n == 0      ? "空列表"
			                                : "含有非映射的列表"));
			return;
		}
		memmove(m->keys + i, m->keys + i + 1, (m->n - i - 1) * sizeof *m->keys);
		memmove(m->items + i, m->items + i + 1, (m->n - i - 1) * sizeof *m->items);
		m->n--;
		size_t nsrc = v->kind == Y_MAP ? 1 : v->n;
		for (size_t k = 0; k < nsrc; k++) {
			YNode *src = v->kind == Y_MAP ? v : v->items[k];
			for (size_t j = 0; j < src->n; j++) {
				if (has_key(b, m, src->keys[j]))
					continue;
				node_push(m, src->keys[j], src->items[j]);
				src->keys[j] = src->items[j] = NULL;
			}
		}
		if (b->merge_cmps > MERGE_MAX_CMPS)
			fail(b, key->pos, xasprintf("合并键“<<”合并的键过多：请直接写出这些键"));
		b->dead = xgrow(b->dead, &b->capdead, b->ndead + 2, sizeof *b->dead);
		b->dead[b->ndead++] = key;
		b->dead[b->ndead++] = v;
	}
}

static void close_container(Builder *b)
{
	if (b->depth == 0)
		return;
	YNode *top = b->stack[b->depth - 1];
	if (top->kind == Y_MAP && !b->pending_key[b->depth - 1])
		merge_keys(b, top);
	b->depth--;
	/* A map that ended on a key with no value cannot happen in valid
	 * YAML; drop it defensively. */
	ytree_free(b->pending_key[b->depth]);
	b->pending_key[b->depth] = NULL;
}

YNode *ytree_parse(const char *text, size_t len, int first_line,
                   Pos *err_pos, char **err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	Builder b = {0};
	YNode *root = NULL;
	b.first_line = first_line;
	*err = NULL;

	if (!yaml_parser_initialize(&parser)) {
		*err = xstrdup("无法初始化YAML解析器");
		*err_pos = (Pos){first_line, 1};
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	bool done = false;
	int docs = 0;
	while (!done && !b.err) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fail(&b, mark_pos(&b, parser.problem_mark),
			     xasprintf("YAML语法错误：%s%s%s%s",
			               parser.problem ? parser.problem : "未知错误",
			               parser.context ? "（" : "",
			               parser.context ? parser.context : "",
			               parser.context ? "）" : ""));
			break;
		}
		Pos pos = mark_pos(&b, ev.start_mark);
		YNode *n;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				fail(&b, pos, xstrdup("前置元数据只能包含一个YAML文档"));
			break;
		case YAML_SCALAR_EVENT:
			if (!text_take(&b, pos, ev.data.scalar.length))
				break;
			n = node_new(&b, Y_SCALAR, pos);
			if (!n)
				break;
			n->value = xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			/* A control written raw is found in the file's text
			 * (plan.c); one made by an escape only here. */
			if (ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
			    !first_control(text + ev.start_mark.index,
			                   ev.end_mark.index - ev.start_mark.index))
				n->ctrl = first_control((const char *)ev.data.scalar.value,
				                        ev.data.scalar.length);
			attach(&b, n, &root);
			anchor_add(&b, (const char *)ev.data.scalar.anchor, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
			n = node_new(&b, Y_SEQ, pos);
			if (n)
				open_container(&b, n, &root, (const char *)ev.data.sequence_start.anchor);
			break;
		case YAML_MAPPING_START_EVENT:
			n = node_new(&b, Y_MAP, pos);
			if (n)
				open_container(&b, n, &root, (const char *)ev.data.mapping_start.anchor);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			close_container(&b);
			break;
		case YAML_ALIAS_EVENT: {
			const char *name = (const char *)ev.data.alias.anchor;
			YNode *target = NULL;
			for (size_t i = 0; i < b.nanchors; i++)
				if (strcmp(b.anchors[i].name, name) == 0)
					target = b.anchors[i].node;
			if (!target) {
				fail(&b, pos, xasprintf("YAML别名“*%s”没有对应的锚点", name));
				break;
			}
			n = node_copy(&b, target);
			if (n && !b.err) {
				attach(&b, n, &root);
			} else {
				ytree_free(n);
				b.err_pos = pos; /* the alias that went over, not its anchor */
			}
			break;
		}
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	/* Unwind: nodes on the stack are owned by root already. */
	while (b.depth > 0)
		close_container(&b);
	for (size_t i = 0; i < b.nanchors; i++)
		free(b.anchors[i].name);
	free(b.anchors);
	for (size_t i = 0; i < b.ndead; i++)
		ytree_free(b.dead[i]);
	free(b.dead);
	yaml_parser_delete(&parser);
	if (b.err) {
		ytree_free(root);
		*err = b.err;
		*err_pos = b.err_pos;
		return NULL;
	}
	return root;
}

/* Free iteratively: a tree may be deep or wide. */
void ytree_free(YNode *n)
{
	if (!n)
		return;
	YNode **stack = NULL;
	size_t top = 0, cap = 0;
	stack = xgrow(stack, &cap, 1, sizeof *stack);
	stack[top++] = n;
	while (top > 0) {
		YNode *x = stack[--top];
		stack = xgrow(stack, &cap, top + 2 * x->n, sizeof *stack);
		for (size_t i = 0; i < x->n; i++) {
			if (x->items[i])
				stack[top++] = x->items[i];
			if (x->keys && x->keys[i])
				stack[top++] = x->keys[i];
		}
		free(x->items);
		free(x->keys);
		free(x->value);
		free(x);
	}
	free(stack);
}

YNode *ytree_get(const YNode *m, const char *key)
{
	if (!m || m->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (m->keys[i]->kind == Y_SCALAR && strcmp(m->keys[i]->value, key) == 0)
			return m->items[i];
	return NULL;
}

const char *ytree_kind_name(YKind k)
{
	switch (k) {
	case Y_SCALAR: return "标量";
	case Y_SEQ: return "列表";
	case Y_MAP: return "映射";
	}
	return "?";
}
