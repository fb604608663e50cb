# Sourced by ./newsradar (POSIX sh): makes JAVA_HOME point at a JDK 21 or newer, which also
# runs Maven when ./newsradar builds. (./mvnw alone runs Maven on any java 17+; the build then
# picks a JDK 21+ itself: maven-toolchains-plugin in pom.xml.)
# The machine's default java may be older; we look at JAVA_HOME first, then the java on
# PATH, then the usual install locations, and take the newest JDK we find.

newsradar_jdk_major() {
  # Prints the major version of the JDK at $1, or nothing when $1 is not a JDK.
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}

newsradar_find_jdk() {
  # The caller may run with globbing off (set -f); the candidate list needs it.
  case $- in *f*) set +f; newsradar_restore_f=1 ;; *) newsradar_restore_f=0 ;; esac
  best="" best_major=0
  path_java=$(command -v java 2>/dev/null || true)
  path_home=""
  [ -z "$path_java" ] || path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  for candidate in "${JAVA_HOME:-}" "$path_home" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    major=$(newsradar_jdk_major "$candidate")
    [ -n "$major" ] || continue
    # JAVA_HOME wins when it is recent enough: the user chose it.
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best=$candidate best_major=$major; break; fi
    if [ "$major" -gt "$best_major" ]; then best=$candidate best_major=$major; fi
  done
  [ "$newsradar_restore_f" = 0 ] || set -f
  if [ "$best_major" -lt 21 ]; then
    echo "NewsRadar needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "Install one and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

newsradar_find_jdk || exit 1
