#!/bin/bash
# Every variant × JIT setting once per round, 3 rounds interleaved, then the tight loops; summarize.py reads results.txt.
cd "$(dirname "$0")"
T=creds,notimeout,nomd5,endpoint
for rep in 1 2 3; do
  for v in apache5 urlconn crt apache5+$T crt+$T jdk; do
    for c in C1 C2; do ./run.sh $v paced $c 8+4 12 | sed "s/^/rep=$rep /" >> results.txt; done
  done
done
for v in apache5 urlconn crt apache5+$T crt+$T jdk; do ./run.sh $v tight C1 8 8 | sed "s/^/rep=1 /" >> results.txt; done
