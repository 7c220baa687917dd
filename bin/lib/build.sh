# Builds the local run once, and again only when a source file changed; a second start takes seconds.

build_local_run() {
  local marker=local-run/target/classpath.txt
  if [ -n "${SKIP_BUILD:-}" ] && [ -f "$marker" ]; then
    return 0
  fi
  if [ ! -f "$marker" ] || [ -n "$(find pom.xml */pom.xml */src/main -newer "$marker" -type f 2>/dev/null | head -1)" ]; then
    echo "Building (first run, or sources changed) ..." >&2
    mvn -B -q --no-transfer-progress -DskipTests -pl local-run -am install >&2 \
      || { echo "error: the build failed; run 'mvn -pl local-run -am install' to see why" >&2; return 1; }
    touch "$marker"
  fi
}

local_run_classpath() {
  echo "local-run/target/classes:$(cat local-run/target/classpath.txt)"
}
