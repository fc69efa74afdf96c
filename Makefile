# fangan — campaign plans (实施方案) in Markdown to GB/T 9704 documents.
#
#   make          build ./fangan
#   make deps     install the Debian packages fangan needs (no-op when present)
#   make demo     deps + build + check and render plans/ into out/
#   make check    deps + build + every test, plain and under ASan/UBSan
#   make fuzz     build and run the libFuzzer target for the plan reader
#   make bench    the benchmark
#   make install  the binary, the manual and the data files into
#                 $(DESTDIR)$(PREFIX) (default PREFIX /usr/local)
#   make uninstall  remove exactly what install put there
#   make clean

CC      ?= cc
PKGS    := libcmark-gfm yaml-0.1 libxml-2.0 fontconfig harfbuzz harfbuzz-subset libunibreak libical
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lhpdf -lz -lm
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS)

# Where `make install` puts things.  DATADIR is compiled into the binary
# (src/paths.c) so that an installed fangan finds its templates and fonts
# map; build/datadir remembers the value so that changing PREFIX rebuilds.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/fangan
# The data files: every template, and the fonts map example when present.
DATAFILES = $(shell find templates -type f ! -name '.*' 2>/dev/null | sort) \
            $(wildcard fonts/fonts.map fonts/README.md)

SRC     := $(sort $(wildcard src/*.c))
LIBSRC  := $(filter-out src/main.c,$(SRC))
HDR     := $(wildcard src/*.h)
TESTSRC := $(sort $(wildcard tests/test_*.c))

B       := build
# V=1 shows the full commands.
Q       := $(if $(V),,@)
OBJ     := $(LIBSRC:src/%.c=$(B)/obj/%.o)
TESTS   := $(TESTSRC:tests/%.c=$(B)/%)

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SOBJ    := $(LIBSRC:src/%.c=$(B)/san/%.o)
STESTS  := $(TESTSRC:tests/%.c=$(B)/san/%)

.PHONY: all deps demo proof check test fuzz bench clean install uninstall FORCE
all: fangan

deps:
	@sh scripts/deps.sh

fangan: $(OBJ) $(B)/obj/main.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(B)/obj/%.o: src/%.c $(HDR) | $(B)/obj
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(B)/san/%.o: src/%.c $(HDR) | $(B)/san
	@$(if $(Q),echo "  CC san  $<")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(B)/test_%: tests/test_%.c tests/testutil.h tests/plan_builder.h $(OBJ) | $(B)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS) -Isrc -o $@ $< $(OBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

$(B)/san/test_%: tests/test_%.c tests/testutil.h tests/plan_builder.h $(SOBJ) | $(B)/san
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) -Isrc -o $@ $< $(SOBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

$(B)/san/fangan: $(SOBJ) $(B)/san/main.o
	@$(if $(Q),echo "  LD san  $@")
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(B) $(B)/obj $(B)/san:
	@mkdir -p $@

$(B)/datadir: FORCE | $(B)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(B)/obj/paths.o $(B)/san/paths.o: $(B)/datadir
$(B)/obj/paths.o $(B)/san/paths.o: CFLAGS += -DFANGAN_DATADIR='"$(DATADIR)"'

install: fangan
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' \
	  '$(DESTDIR)$(DATADIR)/templates' '$(DESTDIR)$(DATADIR)/fonts'
	install -m 755 fangan '$(DESTDIR)$(BINDIR)/fangan'
	install -m 644 fangan.1 '$(DESTDIR)$(MANDIR)/man1/fangan.1'
	$(Q)for f in $(DATAFILES); do \
	  echo "install -D -m 644 $$f '$(DESTDIR)$(DATADIR)/$$f'"; \
	  install -D -m 644 "$$f" '$(DESTDIR)$(DATADIR)/'"$$f" || exit 1; \
	done

# The same list as install, so nothing else is touched; the data folders
# are fangan's own and go when empty, bin/ and man1/ are shared and stay.
uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/fangan' '$(DESTDIR)$(MANDIR)/man1/fangan.1'
	$(Q)for f in $(DATAFILES); do \
	  echo "rm -f '$(DESTDIR)$(DATADIR)/$$f'"; rm -f '$(DESTDIR)$(DATADIR)/'"$$f"; \
	done
	$(Q)if [ -d '$(DESTDIR)$(DATADIR)' ]; then \
	  find '$(DESTDIR)$(DATADIR)' -depth -type d -exec rmdir --ignore-fail-on-non-empty {} +; \
	fi

# The example plans contain real inconsistencies (that is what they are
# for), so exit status 1 from check and build is expected here; 2 is not.
demo: deps
	@$(MAKE) -s --no-print-directory fangan
	./fangan check plans/ || [ $$? -eq 1 ]
	./fangan build -o out plans/ || [ $$? -eq 1 ]

# Every page of out/ as PNG under out/proof/, to look at; an attachment's
# own file (out/NAME/ID.pdf) as NAME-ID-N.png.
proof:
	@mkdir -p out/proof
	@for f in out/*/*.pdf; do \
	  n=$$(basename "$$f" .pdf); d=$$(basename "$$(dirname "$$f")"); \
	  [ "$$n" = "$$d" ] || n="$$d-$$n"; \
	  pdftoppm -r 60 -png "$$f" "out/proof/$$n" && echo "out/proof/$$n-*.png"; \
	done

# Unit tests, then the command-line tests, first plain and then with the
# sanitizers; scripts/run-tests.sh prints the closing "N passed, N failed".
check: deps
	@$(MAKE) -s --no-print-directory fangan $(TESTS) $(B)/san/fangan $(STESTS)
	@sh scripts/run-tests.sh $(B) $(TESTS) -- $(STESTS)

test: fangan $(TESTS)
	@sh scripts/run-tests.sh $(B) $(TESTS) --

FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
fuzz: deps
	clang -std=c11 -D_POSIX_C_SOURCE=200809L $(PKG_CFLAGS) $(FUZZ_FLAGS) -Isrc \
	  -o $(B)/fuzz_plan tests/fuzz_plan.c $(LIBSRC) $(LDLIBS)
	mkdir -p $(B)/fuzz-corpus
	$(B)/fuzz_plan -max_total_time=$${FUZZ_SECONDS:-60} -max_len=65536 \
	  -artifact_prefix=tests/fuzz/ $(B)/fuzz-corpus tests/fuzz plans

# Synthetic plans and bench/notice.md: ms per document, pages per second,
# bytes per page, peak RSS, instruction counts, and the targets
# (bench/run.sh; BENCH_RUNS=5 for more runs per figure).
bench: deps
	@$(MAKE) -s --no-print-directory fangan
	@sh bench/run.sh ./fangan

clean:
	rm -rf $(B) fangan
