# Installs what running or testing the gateway needs on this machine, when it is missing.
# Sourced by bin/test and bin/run; safe to run again (it only installs what is absent).

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "error: '$*' needs root; run it as root or install sudo" >&2
    return 1
  fi
}

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* missing and this is not a Debian/Ubuntu machine; install it with your package manager" >&2
    return 1
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -q >/dev/null || { echo "error: apt-get update failed (is a Debian mirror reachable?)" >&2; return 1; }
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null \
    || { echo "error: apt-get install $* failed" >&2; return 1; }
}

need_java_and_maven() {
  command -v java >/dev/null 2>&1 || { echo "error: java (17 or newer) not found; install a JDK" >&2; return 1; }
  command -v mvn >/dev/null 2>&1 || { echo "error: mvn (Maven 3.8 or newer) not found; install Maven" >&2; return 1; }
}

# Debian bookworm ships Prosody 0.12 and ejabberd 23.01; its backports hold Prosody 13 (the current stable,
# which real users run) and ejabberd 24.12. The tests run against those.
enable_backports() {
  if apt-cache policy 2>/dev/null | grep -q 'bookworm-backports'; then
    return 0
  fi
  local sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$sources" ] && grep -q '^Suites:.*bookworm-updates' "$sources"; then
    as_root sed -i '/^Suites:.*bookworm-updates/ { /bookworm-backports/! s/$/ bookworm-backports/ }' "$sources"
  else
    echo 'deb http://deb.debian.org/debian bookworm-backports main' | as_root tee /etc/apt/sources.list.d/backports.list >/dev/null
  fi
  APT_UPDATED=
}

backports_install() {
  enable_backports || return 1
  apt_install -t bookworm-backports "$@"
}

prosody_major() {
  # prosody --version refuses to run as root; the package knows its version.
  dpkg-query -W -f='${Version}' prosody 2>/dev/null | sed -n 's/^\([0-9]*\)\..*/\1/p'
}

need_prosody() {
  if ! command -v prosodyctl >/dev/null 2>&1 \
      || { command -v dpkg-query >/dev/null 2>&1 && [ "$(prosody_major)" != 13 ]; }; then
    echo "Installing Prosody 13 (Debian bookworm-backports) ..."
    backports_install prosody
  fi
}

need_ejabberd() {
  if ! command -v ejabberdctl >/dev/null 2>&1; then
    echo "Installing ejabberd (Debian bookworm-backports; the second XMPP server the tests run against) ..."
    backports_install ejabberd
  fi
}

# A second, independent XMPP client library (Python) for the tests, beside Smack.
need_slixmpp() {
  if ! /usr/bin/python3 -c 'import slixmpp' >/dev/null 2>&1; then
    echo "Installing slixmpp (Debian package python3-slixmpp) ..."
    apt_install python3-slixmpp
  fi
}

need_moto() {
  if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
    return 0 # an emulator (e.g. LocalStack) is already running there
  fi
  if ! command -v moto_server >/dev/null 2>&1; then
    if command -v pip3 >/dev/null 2>&1 && pip3 install -q 'moto[server]' >/dev/null 2>&1; then
      return 0
    fi
    echo "error: moto_server not found and could not be installed (pip3 install 'moto[server]');" >&2
    echo "       install it, or point AWS_ENDPOINT_URL at a running LocalStack" >&2
    return 1
  fi
}
