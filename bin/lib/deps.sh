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

need_prosody() {
  if ! command -v prosody >/dev/null 2>&1 || ! command -v prosodyctl >/dev/null 2>&1; then
    echo "Installing Prosody (Debian package) ..."
    apt_install prosody
  fi
}

need_ejabberd() {
  if ! command -v ejabberdctl >/dev/null 2>&1; then
    echo "Installing ejabberd (Debian package; the second XMPP server the tests run against) ..."
    apt_install ejabberd
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
