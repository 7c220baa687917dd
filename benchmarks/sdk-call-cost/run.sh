#!/bin/bash
# One measurement in a fresh JVM with the bridge container's flags (C1) or with C2 allowed.
#   run.sh VARIANT paced|tight C1|C2 WARM MEASURE [extra JVM options]
#   VARIANT: apache5 | urlconn | crt | jdk, optionally +creds,notimeout,nomd5,endpoint
# Needs an SQS emulator on 127.0.0.1:19324 and moto_server on 19325 (README.md), and `mvn -q package` here.
set -euo pipefail
cd "$(dirname "$0")"
V=$1; M=$2; C=$3; W=$4; S=$5; shift 5
FLAGS="-XX:+UseSerialGC -XX:MaxRAM=512m -XX:MaxRAMPercentage=60 -Xss512k -XX:ReservedCodeCacheSize=32m"
[ "$C" = C1 ] && FLAGS="$FLAGS -XX:TieredStopAtLevel=1"
[ -f target/cp.txt ] || mvn -q -B --no-transfer-progress dependency:build-classpath -Dmdep.outputFile=target/cp.txt
AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
  java $FLAGS "$@" -cp "target/classes:$(cat target/cp.txt)" org.smsoverxmpp.bench.sdk.SdkCallCost "$V" "$M" \
  http://127.0.0.1:19324 http://127.0.0.1:19325 "$W" "$S" 2>>target/err.log | grep RESULT | sed "s/^/flags=$C /"
