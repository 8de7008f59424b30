// SPDX-License-Identifier: Apache-2.0

// Where each parameter of each event comes from, for the events sysdig 0.29.3's drivers emit on
// x86_64 (libs e5c53d64 driver/ppm_fillers.c and fillers_table.c say what each filler writes).
//
// Line format: `CODE TOKEN TOKEN ...`, one token per parameter that sysdig 0.29.3 knows (the
// schema's legacy count), `-` for an event without parameters. A token is `OP` or
// `OP:X[:Y[:Z]]` with operands `aN` (argument N) or `ret`:
// - numbers: `ret`, `aN` (the raw register), `int:aN` (as a C int: AT_FDCWD and other negative fds),
//   `0`, `-1`, `tid` (the record's thread), a conversion `NAME:aN` (see FlagConversions.swift),
//   `omode:aFLAGS:aMODE` (open's mode, only with O_CREAT/O_TMPFILE), `cmode:aMODE` (creat's),
//   `mountflags:aN` (magic number stripped);
// - user memory: `str:aN` (a string, `(NULL)` for a null pointer; the event is dropped when it is
//   unreadable, as the driver drops it), `path:aN` (the same, `(NULL)` when unreadable: the enter
//   fillers that copy the path first), `strna:aN` (execve's filename, `<NA>` when unreadable),
//   `rbuf:aN` (a buffer of the return value's length), `wbuf:aN:aLEN`;
// - files and sockets: `dev:ret` (the device of the returned fd), `sockaddr:aADDR:aLEN[:aFD]`,
//   `tupleout:aFD:aADDR:aLEN` and `tuplein:aFD:aADDR:aLENPTR` (a socket tuple from the kernel's
//   socket and the caller's address), `accepttuple` (the returned socket's tuple), the listening
//   socket's queue (`queuepct`, `queuelen`, `queuemax`: `:aFD`), socketpair's kernel sockets
//   (`pairsource`, `pairpeer`: `:aFDS`), iovec sizes and
//   data (`iovrsize`, `iovrdata`, `iovwsize`, `iovwdata`: `:aIOV:aCOUNT`), msghdr sizes, data and
//   tuples (`msgwsize:aMSG`, `msgwdata:aMSG`, `msgwtuple:aFD:aMSG`, `msgr...` for receives), poll
//   fd lists (`pollin`, `pollout`: `:aFDS:aCOUNT`);
// - small user structures: `timespec:aN`, `timespec-1:aN` (-1 for a null pointer), `u64at:aN`,
//   `u32at:aN`, pipe and socketpair fds (`pipefd0`, `pipefd1`, `pipeino`, `pairfd0`, `pairfd1`),
//   rlimits (`rlimcur`, `rlimmax`, and `...ok` forms that are -1 when the call failed), open_how
//   fields (`howflags`, `howmode`, `howresolve`), socket options (`ssoval:aVAL:aLEN`,
//   `gsoval:aVAL:aLENPTR`, `gsolen:aLENPTR`), `ptraceaddr:aN`, `ptracedata:aN`, `bpfres:aCMD`,
//   `semctlval:aCMD:aVAL`, `sembuf:aSOPS:aNSOPS:#K` (field K%3 of sembuf K/3: num, op, flags),
//   quotactl's `qid`, `qfmtin`, `qpath`, `qdqblk:aCMD:aADDR:#K` (u64 K of if_dqblk),
//   `qdqinfo:aCMD:aADDR:#K` (field K of if_dqinfo) and `qfmtout` (all `:aCMD:aADDR`);
// - the process (`proc.*`: exe, args, env with an optional argv/envp argument for failed execs,
//   ids, counters, comm, cgroups, tty, pgid, loginuid, exeflags, cloneflags:aN, clone3flags:aN,
//   uid, gid, vtid, vpid) and record kinds (`sc`, `nr`, `exit.*`, `pf:aN`).
let recipeTableText = """
0 sc nr
1 sc
2 path:a0 oflags:a1 omode:a1:a2
3 ret str:a0 oflags:a1 omode:a1:a2 dev:ret
4 a0
5 ret
6 a0 a2
7 ret rbuf:a1
8 a0 a2
9 ret wbuf:a1:a2
16 -
18 a0 a1 a2
19 ret
20 a0
21 ret sockaddr:a1:a2
22 int:a0 sockaddr:a1:a2:a0
23 ret tupleout:a0:a1:a2
24 a0 a1
25 ret
30 a0 a2 tupleout:a0:a4:a5
31 ret rbuf:a1
34 a0 a2
35 ret rbuf:a1 tuplein:a0:a4:a5
36 a0 shut:a1
37 ret
38 -
39 -
40 -
41 -
42 a0 a1 a2
43 ret pairfd0:a3 pairfd1:a3 pairsource:a3 pairpeer:a3
44 -
45 ret a0 solevel:a1 soname:a1:a2 ssoval:a3:a4 a4
46 -
47 ret a0 solevel:a1 soname:a1:a2 gsoval:a3:a4 gsolen:a4
48 a0 msgwsize:a1 msgwtuple:a0:a1
49 ret msgwdata:a1
50 -
51 -
52 a0
53 ret msgrsize:a1 msgrdata:a1 msgrtuple:a0:a1
54 -
55 -
58 path:a0 cmode:a1
59 ret str:a0 cmode:a1 dev:ret
60 -
61 ret pipefd0:a0 pipefd1:a0 pipeino:a0
62 a0 0
63 ret
64 a0 futex:a1 a2
65 ret
66 -
67 ret str:a0
68 -
69 ret str:a0
70 a0
71 ret
78 a2
79 ret
80 pollin:a0:a1 a2
81 ret pollout:a0:a1
82 -
83 ret
86 a0 a1 whence:a2
87 ret
92 -
93 ret str:a0
94 -
95 ret str:a0
96 a0
97 ret
112 a0 a2 a3
113 ret rbuf:a1
114 a0 a2 a3
115 ret wbuf:a1:a2
116 a0
117 ret iovrsize:a1:a2 iovrdata:a1:a2
118 a0 iovwsize:a1:a2
119 ret iovwdata:a1:a2
120 a0 a3
121 ret iovrsize:a1:a2 iovrdata:a1:a2
122 a0 iovwsize:a1:a2 a3
123 ret iovwdata:a1:a2
124 a0
125 ret
126 a0 0 0
127 ret
128 a0 a1
129 ret
130 a0 a1
131 ret
132 a0 a1 a2
133 ret
134 timespec:a0
135 ret
136 0 0
137 ret
138 0
139 ret
140 rlimit:a0
141 ret rlimcurok:a1 rlimmaxok:a1
142 rlimit:a0
143 ret rlimcur:a1 rlimmax:a1
144 a0 rlimit:a1
145 ret rlimcurok:a2 rlimmaxok:a2 rlimcur:a3 rlimmax:a3
150 a0 fcntl:a1
151 ret
152 a0 a1 a2 a3 a4 a5
158 a0
159 ret proc.vmsize proc.vmrss proc.vmswap
160 a0 a1 prot:a2 mmap:a3 a4 a5
161 ret proc.vmsize proc.vmrss proc.vmswap
164 a0 a1
165 ret proc.vmsize proc.vmrss proc.vmswap
166 a0 a2 a4 a5
167 ret
168 ptrace:a0 a1
169 ret ptraceaddr:a2 ptracedata:a3
170 a0 a1 a2
171 ret
174 -
175 ret str:a0 str:a1
176 -
177 ret int:a0 str:a1 int:a2 str:a3
178 -
179 ret str:a0 str:a1
180 -
181 ret str:a0 int:a1 str:a2
186 exit.status exit.code exit.sig exit.core
188 a0 a1 u64at:a2 a3
189 ret u64at:a2
190 qcmd:a0 qtype:a0 qid:a0:a2 qfmtin:a0:a2
191 ret str:a1 qpath:a0:a3 qdqblk:a0:a3:#0 qdqblk:a0:a3:#1 qdqblk:a0:a3:#2 qdqblk:a0:a3:#3 qdqblk:a0:a3:#4
    qdqblk:a0:a3:#6 qdqblk:a0:a3:#7 qdqinfo:a0:a3:#0 qdqinfo:a0:a3:#1 qdqinfo:a0:a3:#2 qfmtout:a0:a3
192 a0 a1 a2
193 ret
194 a0 a1 a2
195 ret
198 a0
199 ret
200 a0
201 ret
202 -
203 ret
204 -
205 ret
206 -
207 ret
208 -
209 ret
210 -
211 ret u32at:a0 u32at:a1 u32at:a2
212 -
213 ret u32at:a0 u32at:a1 u32at:a2
222 -
223 ret proc.exe proc.args proc.tid proc.pid proc.ptid proc.cwd proc.fdlimit proc.pgftmaj proc.pgftmin
    proc.vmsize proc.vmrss proc.vmswap proc.comm proc.cgroups proc.cloneflags:a0 proc.uid proc.gid proc.vtid
    proc.vpid
224 -
225 ret proc.exe proc.args proc.tid proc.pid proc.ptid proc.cwd proc.fdlimit proc.pgftmaj proc.pgftmin
    proc.vmsize proc.vmrss proc.vmswap proc.comm proc.cgroups proc.cloneflags proc.uid proc.gid proc.vtid proc.vpid
226 -
227 ret proc.exe proc.args proc.tid proc.pid proc.ptid proc.cwd proc.fdlimit proc.pgftmaj proc.pgftmin
    proc.vmsize proc.vmrss proc.vmswap proc.comm proc.cgroups proc.cloneflags proc.uid proc.gid proc.vtid proc.vpid
232 a0 tid a1
236 a0
237 ret
238 a0
239 ret
240 a0 clone:a1
241 ret
242 a0 flock:a1
243 ret
246 -
247 ret accepttuple queuepct:a0 queuelen:a0 queuemax:a0
248 0
249 ret accepttuple queuepct:a0 queuelen:a0 queuemax:a0
250 a0
251 ret a2 sembuf:a1:a2:#0 sembuf:a1:a2:#1 sembuf:a1:a2:#2 sembuf:a1:a2:#3 sembuf:a1:a2:#4 sembuf:a1:a2:#5
252 a0 a1 semctl:a2 semctlval:a2:a3
253 ret
254 pollin:a0:a1 timespec-1:a2 u64at:a3
255 ret pollout:a0:a1
256 mountflags:a3
257 ret str:a0 str:a1 str:a2
258 a1
259 ret str:a0
262 a0 a1 semget:a2
263 ret
264 access:a1
265 ret str:a0
266 -
267 ret str:a0
274 -
275 ret
276 0
277 ret str:a0
278 -
279 ret str:a0
284 clone:a0
285 ret
290 a0 a1 pf:a2
292 strna:a0
293 ret proc.exe:a1 proc.args:a1 proc.tid proc.pid proc.ptid proc.cwd proc.fdlimit proc.pgftmaj proc.pgftmin
    proc.vmsize proc.vmrss proc.vmswap proc.comm proc.cgroups proc.env:a2 proc.tty proc.pgid proc.loginuid
    proc.exeflags
294 a0 a1
295 ret
296 a0
297 bpfres:a0
298 a0
299 ret
300 -
301 ret str:a0
302 -
303 ret int:a0 str:a1 unlinkat:a2
304 -
305 ret int:a0 str:a1 a2
306 int:a0 path:a1 oflags:a2 omode:a2:a3
307 ret int:a0 str:a1 oflags:a2 omode:a2:a3 dev:ret
308 -
309 ret str:a0 str:a1
310 -
311 ret int:a0 str:a1 int:a2 str:a3 linkat:a4
312 -
313 ret int:a0 str:a1 chmod:a2
314 -
315 ret str:a0 chmod:a1
316 -
317 ret a0 chmod:a1
318 -
319 ret int:a0 str:a1 int:a2 str:a3 a4
320 -
321 ret a0
326 int:a0 path:a1 howflags:a2 howmode:a2 howresolve:a2
327 ret int:a0 str:a1 howflags:a2 howmode:a2 howresolve:a2
328 a0 a1 prot:a2
329 ret
330 int:a0 strna:a1 execveat:a4
331 ret proc.exe:a2 proc.args:a2 proc.tid proc.pid proc.ptid proc.cwd proc.fdlimit proc.pgftmaj proc.pgftmin
    proc.vmsize proc.vmrss proc.vmswap proc.comm proc.cgroups proc.env:a3 proc.tty proc.pgid proc.loginuid
    proc.exeflags
332 a0 a1 a4
333 ret a2 a3
334 -
335 ret proc.exe proc.args proc.tid proc.pid proc.ptid proc.cwd proc.fdlimit proc.pgftmaj proc.pgftmin
    proc.vmsize proc.vmrss proc.vmswap proc.comm proc.cgroups proc.clone3flags:a0 proc.uid proc.gid proc.vtid
    proc.vpid
"""
