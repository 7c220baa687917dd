import re, collections, statistics as S
rows=collections.defaultdict(list)
for l in open('results.txt'):
    if 'RESULT' not in l: continue
    d=dict(re.findall(r'(\w+)=([^\s]+)', l))
    rows[(d['variant'].replace('creds,notimeout,nomd5,endpoint','T'), d['mode'], d['flags'])].append(d)
print(f"{'variant':14} {'mode':5} {'flags':3} {'n':>2} {'procCPU us/call med (min-max)':>30} {'minusIdle med':>13} {'workerThread us/call':>20} {'RSS MB':>7}")
for k,v in sorted(rows.items(), key=lambda kv:(kv[0][1],kv[0][0],kv[0][2])):
    c=[float(d['cpuUsPerCall']) for d in v]; ci=[float(d['cpuUsPerCallMinusIdle']) for d in v]
    th=[S.mean([float(x) for x in re.findall(r'=(\d+)', d_thr)]) for d_thr in [l for l in [' '.join(f"{o}={d[o]}" for o in ['send','recv1','delBatch','recv0','ddbGet']) for d in v]]]
    rss=[int(d['rssKB'])/1024 for d in v]
    print(f"{k[0]:14} {k[1]:5} {k[2]:3} {len(v):>2} {S.median(c):>10.0f} ({min(c):.0f}-{max(c):.0f}) {S.median(ci):>13.0f} {S.median(th):>20.0f} {S.median(rss):>7.0f}")
