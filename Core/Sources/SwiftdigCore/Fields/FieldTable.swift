// SPDX-License-Identifier: Apache-2.0

// The field table: every field of sysdig 0.29.3's filter and output language, as one text table.
//
// Classes come in the order sysdig registers them; that order decides which class claims a name
// (the first class with any field that prefixes the name wins) and the order of `-l` listings.
//
// Line formats:
//
//     @CLASS|SHORT DESCRIPTION|hidden|DESCRIPTION        a class; the fields below belong to it
//     NAME|TYPE|FORMAT|FLAGS|DISPLAY NAME|DESCRIPTION     a field
//
// - TYPE is the `-L` spelling of the `PT_*` type of the extracted value (DYNAMIC: the type of the
//   event parameter the argument names).
// - FORMAT is a ``PrintFormat`` case name (na dec hex paddedDec id dir oct).
// - FLAGS, letters of the `EPF_*` flags: F filter only, P print only, A requires an argument,
//   T table only (hidden from listings), I info, C conversation.
// - `hidden` marks a class that listings leave out.
//
// Source: the field arrays of falcosecurity/libs e5c53d64 (userspace/libsinsp/filterchecks.cpp), the
// libraries sysdig 0.29.3 is built on; `sysdig -l` prints the same names and descriptions.
let fieldTableText = """
@evt|All event types||These fields can be used for all event types
evt.num|UINT64|id||Event Number|event number.
evt.time|CHARBUF|na||Time|event timestamp as a time string that includes the nanosecond part.
evt.time.s|CHARBUF|na||Time (s)|event timestamp as a time string with no nanoseconds.
evt.time.iso8601|CHARBUF|na||ISO 8601 Time|event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in UTC).
evt.datetime|CHARBUF|na||Datetime|event timestamp as a time string that includes the date.
evt.datetime.s|CHARBUF|na||Datetime (s)|event timestamp as a datetime string with no nanoseconds.
evt.rawtime|ABSTIME|dec||Absolute Time|absolute event timestamp, i.e. nanoseconds from epoch.
evt.rawtime.s|ABSTIME|dec||Absolute Time (s)|integer part of the event timestamp (e.g. seconds since epoch).
evt.rawtime.ns|ABSTIME|paddedDec||Absolute Time (ns)|fractional part of the absolute event timestamp.
evt.reltime|RELTIME|paddedDec||Relative Time|number of nanoseconds from the beginning of the capture.
evt.reltime.s|RELTIME|dec||Relative Time (s)|number of seconds from the beginning of the capture.
evt.reltime.ns|RELTIME|paddedDec||Relative Time (ns)|fractional part (in ns) of the time from the beginning of the capture.
evt.pluginname|CHARBUF|na||Plugin Name|if the event comes from a plugin, the name of the plugin that generated it. The plugin must be currently loaded.
evt.plugininfo|CHARBUF|na||Plugin Info|if the event comes from a plugin, a summary of the event as formatted by the plugin. The plugin must be currently loaded.
@evt|Syscall events only||Event fields applicable to syscall events. Note that for most events you can access the individual arguments/parameters of each syscall via evt.arg, e.g. evt.arg.filename.
evt.latency|RELTIME|dec||Latency|delta between an exit event and the correspondent enter event, in nanoseconds.
evt.latency.s|RELTIME|dec||Latency (s)|integer part of the event latency delta.
evt.latency.ns|RELTIME|paddedDec||Latency (ns)|fractional part of the event latency delta.
evt.latency.quantized|UINT64|dec|T|Quantized Latency|10-base log of the delta between an exit event and the correspondent enter event.
evt.latency.human|CHARBUF|na||Human-Readable Latency|delta between an exit event and the correspondent enter event, as a human readable string (e.g. 10.3ms).
evt.deltatime|RELTIME|dec||Delta|delta between this event and the previous event, in nanoseconds.
evt.deltatime.s|RELTIME|dec||Delta (s)|integer part of the delta between this event and the previous event.
evt.deltatime.ns|RELTIME|paddedDec||Delta (ns)|fractional part of the delta between this event and the previous event.
evt.outputtime|CHARBUF|na|P|Output Time|this depends on -t param, default is %evt.time ('h').
evt.dir|CHARBUF|dir||Direction|event direction can be either '>' for enter events or '<' for exit events.
evt.type|CHARBUF|na||Type|The name of the event (e.g. 'open').
evt.type.is|UINT32|na|A|Type Is|allows one to specify an event type, and returns 1 for events that are of that type. For example, evt.type.is.open returns 1 for open events, 0 for any other event.
syscall.type|CHARBUF|na||Syscall Type|For system call events, the name of the system call (e.g. 'open'). Unset for other events (e.g. switch or internal events). Use this field instead of evt.type if you need to make sure that the filtered/printed value is actually a system call.
evt.category|CHARBUF|na||Category|The event category. Example values are 'file' (for file operations like open and close), 'net' (for network operations like socket and bind), memory (for things like brk or mmap), and so on.
evt.cpu|INT16|id||CPU Number|number of the CPU where this event happened.
evt.args|CHARBUF|na||Arguments|all the event arguments, aggregated into a single string.
evt.arg|CHARBUF|na|A|Argument|one of the event arguments specified by name or by number. Some events (e.g. return codes or FDs) will be converted into a text representation when possible. E.g. 'evt.arg.fd' or 'evt.arg[0]'.
evt.rawarg|DYNAMIC|na|A|Raw Argument|one of the event arguments specified by name. E.g. 'evt.rawarg.fd'.
evt.info|CHARBUF|na||Information|for most events, this field returns the same value as evt.args. However, for some events (like writes to /dev/log) it provides higher level information coming from decoding the arguments.
evt.buffer|BYTEBUF|na||Buffer|the binary data buffer for events that have one, like read(), recvfrom(), etc. Use this field in filters with 'contains' to search into I/O data buffers.
evt.buflen|UINT64|dec||Buffer Length|the length of the binary data buffer for events that have one, like read(), recvfrom(), etc.
evt.res|CHARBUF|dec||Return Value|event return value, as a string. If the event failed, the result is an error code string (e.g. 'ENOENT'), otherwise the result is the string 'SUCCESS'.
evt.rawres|INT64|dec||Raw Return Value|event return value, as a number (e.g. -2). Useful for range comparisons.
evt.failed|BOOL|na||Failed|'true' for events that returned an error status.
evt.is_io|BOOL|na||Is I/O|'true' for events that read or write to FDs, like read(), send, recvfrom(), etc.
evt.is_io_read|BOOL|na||Is Read|'true' for events that read from FDs, like read(), recv(), recvfrom(), etc.
evt.is_io_write|BOOL|na||Is Write|'true' for events that write to FDs, like write(), send(), etc.
evt.io_dir|CHARBUF|na||I/O Direction|'r' for events that read from FDs, like read(); 'w' for events that write to FDs, like write().
evt.is_wait|BOOL|na||Is Wait|'true' for events that make the thread wait, e.g. sleep(), select(), poll().
evt.wait_latency|RELTIME|dec||Wait Latency|for events that make the thread wait (e.g. sleep(), select(), poll()), this is the time spent waiting for the event to return, in nanoseconds.
evt.is_syslog|BOOL|na||Is Syslog|'true' for events that are writes to /dev/log.
evt.count|UINT32|dec||Count|This filter field always returns 1 and can be used to count events from inside chisels.
evt.count.error|UINT32|dec||Error Count|This filter field returns 1 for events that returned with an error, and can be used to count event failures from inside chisels.
evt.count.error.file|UINT32|dec||File Error Count|This filter field returns 1 for events that returned with an error and are related to file I/O, and can be used to count event failures from inside chisels.
evt.count.error.net|UINT32|dec||Network Error Count|This filter field returns 1 for events that returned with an error and are related to network I/O, and can be used to count event failures from inside chisels.
evt.count.error.memory|UINT32|dec||Memory Error Count|This filter field returns 1 for events that returned with an error and are related to memory allocation, and can be used to count event failures from inside chisels.
evt.count.error.other|UINT32|dec||Other Error Count|This filter field returns 1 for events that returned with an error and are related to none of the previous categories, and can be used to count event failures from inside chisels.
evt.count.exit|UINT32|dec||Exit Count|This filter field returns 1 for exit events, and can be used to count single events from inside chisels.
evt.count.procinfo|UINT32|dec|T|Procinfo Count|This filter field returns 1 for procinfo events generated by process main threads, and can be used to count processes from inside views.
evt.count.threadinfo|UINT32|dec|T|Thread Info Count|This filter field returns 1 for procinfo events, and can be used to count processes from inside views.
evt.around|UINT64|dec|FA|Around Interval|Accepts the event if it's around the specified time interval. The syntax is evt.around[T]=D, where T is the value returned by %evt.rawtime for the event and D is a delta in milliseconds. For example, evt.around[1404996934793590564]=1000 will return the events with timestamp with one second before the timestamp and one second after it, for a total of two seconds of capture.
evt.abspath|CHARBUF|na|A|Absolute Path|Absolute path calculated from dirfd and name during syscalls like renameat and symlinkat. Use 'evt.abspath.src' or 'evt.abspath.dst' for syscalls that support multiple paths.
evt.buflen.in|UINT64|dec|T|Input Buffer Length|the length of the binary data buffer, but only for input I/O events.
evt.buflen.out|UINT64|dec|T|Output Buffer Length|the length of the binary data buffer, but only for output I/O events.
evt.buflen.file|UINT64|dec|T|File Buffer Length|the length of the binary data buffer, but only for file I/O events.
evt.buflen.file.in|UINT64|dec|T|File Input Buffer Length|the length of the binary data buffer, but only for input file I/O events.
evt.buflen.file.out|UINT64|dec|T|File Output Buffer Length|the length of the binary data buffer, but only for output file I/O events.
evt.buflen.net|UINT64|dec|T|Network Buffer Length|the length of the binary data buffer, but only for network I/O events.
evt.buflen.net.in|UINT64|dec|T|Network Input Buffer Length|the length of the binary data buffer, but only for input network I/O events.
evt.buflen.net.out|UINT64|dec|T|Network Output Buffer Length|the length of the binary data buffer, but only for output network I/O events.
evt.is_open_read|BOOL|na||Is Opened For Reading|'true' for open/openat/openat2 events where the path was opened for reading
evt.is_open_write|BOOL|na||Is Opened For Writing|'true' for open/openat/openat2 events where the path was opened for writing
evt.infra.docker.name|CHARBUF|na|T|Docker Name|for docker infrastructure events, the name of the event.
evt.infra.docker.container.id|CHARBUF|na|T|Docker ID|for docker infrastructure events, the id of the impacted container.
evt.infra.docker.container.name|CHARBUF|na|T|Container Name|for docker infrastructure events, the name of the impacted container.
evt.infra.docker.container.image|CHARBUF|na|T|Container Image|for docker infrastructure events, the image name of the impacted container.
evt.is_open_exec|BOOL|na||Is Created With Execute Permissions|'true' for open/openat/openat2 or creat events where a file is created with execute permissions
@process|||Additional information about the process and thread executing the syscall event.
proc.pid|INT64|id||Process ID|the id of the process generating the event.
proc.exe|CHARBUF|na||First Argument|the first command line argument (usually the executable name or a custom one).
proc.name|CHARBUF|na||Name|the name (excluding the path) of the executable generating the event.
proc.args|CHARBUF|na||Arguments|the arguments passed on the command line when starting the process generating the event.
proc.env|CHARBUF|na||Environment|the environment variables of the process generating the event.
proc.cmdline|CHARBUF|na||Command Line|full process command line, i.e. proc.name + proc.args.
proc.exeline|CHARBUF|na||Executable Command Line|full process command line, with exe as first argument, i.e. proc.exe + proc.args.
proc.cwd|CHARBUF|na||Current Working Directory|the current working directory of the event.
proc.nthreads|UINT32|dec||Threads|the number of threads that the process generating the event currently has, including the main process thread.
proc.nchilds|UINT32|dec||Children|the number of child threads that the process generating the event currently has. This excludes the main process thread.
proc.ppid|INT64|id||Parent Process ID|the pid of the parent of the process generating the event.
proc.pname|CHARBUF|na||Parent Name|the name (excluding the path) of the parent of the process generating the event.
proc.pcmdline|CHARBUF|na||Parent Command Line|the full command line (proc.name + proc.args) of the parent of the process generating the event.
proc.apid|INT64|id||Ancestor Process ID|the pid of one of the process ancestors. E.g. proc.apid[1] returns the parent pid, proc.apid[2] returns the grandparent pid, and so on. proc.apid[0] is the pid of the current process. proc.apid without arguments can be used in filters only and matches any of the process ancestors, e.g. proc.apid=1234.
proc.aname|CHARBUF|na||Ancestor Name|the name (excluding the path) of one of the process ancestors. E.g. proc.aname[1] returns the parent name, proc.aname[2] returns the grandparent name, and so on. proc.aname[0] is the name of the current process. proc.aname without arguments can be used in filters only and matches any of the process ancestors, e.g. proc.aname=bash.
proc.loginshellid|INT64|id||Login Shell ID|the pid of the oldest shell among the ancestors of the current process, if there is one. This field can be used to separate different user sessions, and is useful in conjunction with chisels like spy_user.
proc.duration|RELTIME|dec||Duration|number of nanoseconds since the process started.
proc.fdopencount|UINT64|dec||FD Count|number of open FDs for the process
proc.fdlimit|INT64|dec||FD Limit|maximum number of FDs the process can open.
proc.fdusage|DOUBLE|dec||FD Usage|the ratio between open FDs and maximum available FDs for the process.
proc.vmsize|UINT64|dec||VM Size|total virtual memory for the process (as kb).
proc.vmrss|UINT64|dec||VM RSS|resident non-swapped memory for the process (as kb).
proc.vmswap|UINT64|dec||VM Swap|swapped memory for the process (as kb).
thread.pfmajor|UINT64|dec||Major Page Faults|number of major page faults since thread start.
thread.pfminor|UINT64|dec||Minor Page Faults|number of minor page faults since thread start.
thread.tid|INT64|id||Thread ID|the id of the thread generating the event.
thread.ismain|BOOL|na||Main Thread|'true' if the thread generating the event is the main one in the process.
thread.exectime|RELTIME|dec||Scheduled Thread CPU Time|CPU time spent by the last scheduled thread, in nanoseconds. Exported by switch events only.
thread.totexectime|RELTIME|dec||Current Thread CPU Time|Total CPU time, in nanoseconds since the beginning of the capture, for the current thread. Exported by switch events only.
thread.cgroups|CHARBUF|na||Thread Cgroups|all the cgroups the thread belongs to, aggregated into a single string.
thread.cgroup|CHARBUF|na|A|Thread Cgroup|the cgroup the thread belongs to, for a specific subsystem. E.g. thread.cgroup.cpuacct.
thread.vtid|INT64|id||Virtual Thread ID|the id of the thread generating the event as seen from its current PID namespace.
proc.vpid|INT64|id||Virtual Process ID|the id of the process generating the event as seen from its current PID namespace.
thread.cpu|DOUBLE|na||Thread CPU|the CPU consumed by the thread in the last second.
thread.cpu.user|DOUBLE|na||Thread User CPU|the user CPU consumed by the thread in the last second.
thread.cpu.system|DOUBLE|na||Thread System CPU|the system CPU consumed by the thread in the last second.
thread.vmsize|UINT64|dec||Thread VM Size (kb)|For the process main thread, this is the total virtual memory for the process (as kb). For the other threads, this field is zero.
thread.vmrss|UINT64|dec||Thread VM RSS (kb)|For the process main thread, this is the resident non-swapped memory for the process (as kb). For the other threads, this field is zero.
thread.vmsize.b|UINT64|dec|T|Thread VM Size (b)|For the process main thread, this is the total virtual memory for the process (in bytes). For the other threads, this field is zero.
thread.vmrss.b|UINT64|dec|T|Thread VM RSS (b)|For the process main thread, this is the resident non-swapped memory for the process (in bytes). For the other threads, this field is zero.
proc.sid|INT64|id||Process Session ID|the session id of the process generating the event.
proc.sname|CHARBUF|na||Process Session Name|the name of the current process's session leader. This is either the process with pid=proc.sid or the eldest ancestor that has the same sid as the current process.
proc.tty|INT32|id||Process TTY|The controlling terminal of the process. 0 for processes without a terminal.
proc.exepath|CHARBUF|na||Process Executable Path|The full executable path of the process.
thread.nametid|CHARBUF|na|T|Thread Name + ID|this field chains the process name and tid of a thread and can be used as a specific identifier of a thread for a specific execve.
proc.vpgid|INT64|id||Process Virtual Group ID|the process group id of the process generating the event, as seen from its current PID namespace.
proc.is_container_healthcheck|BOOL|na||Process Is Container Healthcheck|true if this process is running as a part of the container's health check.
proc.is_container_liveness_probe|BOOL|na||Process Is Container Liveness|true if this process is running as a part of the container's liveness probe.
proc.is_container_readiness_probe|BOOL|na||Process Is Container Readiness|true if this process is running as a part of the container's readiness probe.
proc.is_exe_writable|BOOL|na||Process Executable Is Writable|true if this process' executable file is writable by the same user that spawned the process.
@user|||Information about the user executing the specific event.
user.uid|UINT32|id||User ID|user ID.
user.name|CHARBUF|na||User Name|user name.
user.homedir|CHARBUF|na||Home Directory|home directory of the user.
user.shell|CHARBUF|na||Shell|user's shell.
user.loginuid|INT32|id||Login User ID|audit user id (auid).
user.loginname|CHARBUF|na||Login User Name|audit user name (auid).
@group|||Information about the user group.
group.gid|UINT64|id||Group ID|group ID.
group.name|CHARBUF|na||Group Name|group name.
@container|||Container information. If the event is not happening inside a container, both id and name will be set to 'host'.
container.id|CHARBUF|na||Container ID|the container id.
container.name|CHARBUF|na||Container Name|the container name.
container.image|CHARBUF|na||Image Name|the container image name (e.g. falcosecurity/falco:latest for docker).
container.image.id|CHARBUF|na||Image ID|the container image id (e.g. 6f7e2741b66b).
container.type|CHARBUF|na||Type|the container type, eg: docker or rkt
container.privileged|BOOL|na||Privileged|true for containers running as privileged, false otherwise
container.mounts|CHARBUF|na||Mounts|A space-separated list of mount information. Each item in the list has the format <source>:<dest>:<mode>:<rdrw>:<propagation>
container.mount|CHARBUF|na|A|Mount|Information about a single mount, specified by number (e.g. container.mount[0]) or mount source (container.mount[/usr/local]). The pathname can be a glob (container.mount[/usr/local/*]), in which case the first matching mount will be returned. The information has the format <source>:<dest>:<mode>:<rdrw>:<propagation>. If there is no mount with the specified index or matching the provided source, returns the string "none" instead of a NULL value.
container.mount.source|CHARBUF|na|A|Mount Source|the mount source, specified by number (e.g. container.mount.source[0]) or mount destination (container.mount.source[/host/lib/modules]). The pathname can be a glob.
container.mount.dest|CHARBUF|na|A|Mount Destination|the mount destination, specified by number (e.g. container.mount.dest[0]) or mount source (container.mount.dest[/lib/modules]). The pathname can be a glob.
container.mount.mode|CHARBUF|na|A|Mount Mode|the mount mode, specified by number (e.g. container.mount.mode[0]) or mount source (container.mount.mode[/usr/local]). The pathname can be a glob.
container.mount.rdwr|CHARBUF|na|A|Mount Read/Write|the mount rdwr value, specified by number (e.g. container.mount.rdwr[0]) or mount source (container.mount.rdwr[/usr/local]). The pathname can be a glob.
container.mount.propagation|CHARBUF|na|A|Mount Propagation|the mount propagation value, specified by number (e.g. container.mount.propagation[0]) or mount source (container.mount.propagation[/usr/local]). The pathname can be a glob.
container.image.repository|CHARBUF|na||Repository|the container image repository (e.g. falcosecurity/falco).
container.image.tag|CHARBUF|na||Image Tag|the container image tag (e.g. stable, latest).
container.image.digest|CHARBUF|na||Registry Digest|the container image registry digest (e.g. sha256:d977378f890d445c15e51795296e4e5062f109ce6da83e0a355fc4ad8699d27).
container.healthcheck|CHARBUF|na||Health Check|The container's health check. Will be the null value ("N/A") if no healthcheck configured, "NONE" if configured but explicitly not created, and the healthcheck command line otherwise
container.liveness_probe|CHARBUF|na||Liveness|The container's liveness probe. Will be the null value ("N/A") if no liveness probe configured, the liveness probe command line otherwise
container.readiness_probe|CHARBUF|na||Readiness|The container's readiness probe. Will be the null value ("N/A") if no readiness probe configured, the readiness probe command line otherwise
@fd|||Every syscall that has a file descriptor in its arguments has these fields set with information related to the file.
fd.num|INT64|id||FD Number|the unique number identifying the file descriptor.
fd.type|CHARBUF|dec||FD Type|type of FD. Can be 'file', 'directory', 'ipv4', 'ipv6', 'unix', 'pipe', 'event', 'signalfd', 'eventpoll', 'inotify' or 'signalfd'.
fd.typechar|CHARBUF|dec||FD Type Char|type of FD as a single character. Can be 'f' for file, 4 for IPv4 socket, 6 for IPv6 socket, 'u' for unix socket, p for pipe, 'e' for eventfd, 's' for signalfd, 'l' for eventpoll, 'i' for inotify, 'o' for unknown.
fd.name|CHARBUF|na||FD Name|FD full name. If the fd is a file, this field contains the full path. If the FD is a socket, this field contain the connection tuple.
fd.directory|CHARBUF|na||FD Directory|If the fd is a file, the directory that contains it.
fd.filename|CHARBUF|na||FD Filename|If the fd is a file, the filename without the path.
fd.ip|IPADDR|na|F|FD IP Address|matches the ip address (client or server) of the fd.
fd.cip|IPADDR|na||FD Client Address|client IP address.
fd.sip|IPADDR|na||FD Server Address|server IP address.
fd.lip|IPADDR|na||FD Local Address|local IP address.
fd.rip|IPADDR|na||FD Remote Address|remote IP address.
fd.port|PORT|dec|F|FD Port|matches the port (either client or server) of the fd.
fd.cport|PORT|dec||FD Client Port|for TCP/UDP FDs, the client port.
fd.sport|PORT|dec||FD Server Port|for TCP/UDP FDs, server port.
fd.lport|PORT|dec||FD Local Port|for TCP/UDP FDs, the local port.
fd.rport|PORT|dec||FD Remote Port|for TCP/UDP FDs, the remote port.
fd.l4proto|CHARBUF|na||FD IP Protocol|the IP protocol of a socket. Can be 'tcp', 'udp', 'icmp' or 'raw'.
fd.sockfamily|CHARBUF|na||FD Socket Family|the socket family for socket events. Can be 'ip' or 'unix'.
fd.is_server|BOOL|na||FD Server|'true' if the process owning this FD is the server endpoint in the connection.
fd.uid|CHARBUF|na||FD ID|a unique identifier for the FD, created by chaining the FD number and the thread ID.
fd.containername|CHARBUF|na||FD Container Name|chaining of the container ID and the FD name. Useful when trying to identify which container an FD belongs to.
fd.containerdirectory|CHARBUF|na||FD Container Directory|chaining of the container ID and the directory name. Useful when trying to identify which container a directory belongs to.
fd.proto|PORT|na|F|FD Protocol|matches the protocol (either client or server) of the fd.
fd.cproto|CHARBUF|na||FD Client Protocol|for TCP/UDP FDs, the client protocol.
fd.sproto|CHARBUF|na||FD Server Protocol|for TCP/UDP FDs, server protocol.
fd.lproto|CHARBUF|na||FD Local Protocol|for TCP/UDP FDs, the local protocol.
fd.rproto|CHARBUF|na||FD Remote Protocol|for TCP/UDP FDs, the remote protocol.
fd.net|IPNET|na|F|FD IP Network|matches the IP network (client or server) of the fd.
fd.cnet|IPNET|na|F|FD Client Network|matches the client IP network of the fd.
fd.snet|IPNET|na|F|FD Server Network|matches the server IP network of the fd.
fd.lnet|IPNET|na|F|FD Local Network|matches the local IP network of the fd.
fd.rnet|IPNET|na|F|FD Remote Network|matches the remote IP network of the fd.
fd.connected|BOOL|na||FD Connected|for TCP/UDP FDs, 'true' if the socket is connected.
fd.name_changed|BOOL|na||FD Name Changed|True when an event changes the name of an fd used by this event. This can occur in some cases such as udp connections where the connection tuple changes.
fd.cip.name|CHARBUF|na||FD Client Domain Name|Domain name associated with the client IP address.
fd.sip.name|CHARBUF|na||FD Server Domain Name|Domain name associated with the server IP address.
fd.lip.name|CHARBUF|na||FD Local Domain Name|Domain name associated with the local IP address.
fd.rip.name|CHARBUF|na||FD Remote Domain Name|Domain name associated with the remote IP address.
fd.dev|INT32|hex||FD Device|device number (major/minor) containing the referenced file
fd.dev.major|INT32|dec||FD Major Device|major device number containing the referenced file
fd.dev.minor|INT32|dec||FD Minor Device|minor device number containing the referenced file
@syslog|||Content of Syslog messages.
syslog.facility.str|CHARBUF|na||Facility|facility as a string.
syslog.facility|UINT32|dec||Numeric Facility|facility as a number (0-23).
syslog.severity.str|CHARBUF|na||Severity|severity as a string. Can have one of these values: emerg, alert, crit, err, warn, notice, info, debug
syslog.severity|UINT32|dec||Numeric Severity|severity as a number (0-7).
syslog.message|CHARBUF|na||Message|message sent to syslog.
@util||hidden|
util.cnt|UINT64|id||Counter|incremental counter.
@fdlist|||Poll event related fields.
fdlist.nums|CHARBUF|id||FD Numbers|for poll events, this is a comma-separated list of the FD numbers in the 'fds' argument, returned as a string.
fdlist.names|CHARBUF|na||FD Names|for poll events, this is a comma-separated list of the FD names in the 'fds' argument, returned as a string.
fdlist.cips|CHARBUF|na||FD Client Addresses|for poll events, this is a comma-separated list of the client IP addresses in the 'fds' argument, returned as a string.
fdlist.sips|CHARBUF|na||FD Source Addresses|for poll events, this is a comma-separated list of the server IP addresses in the 'fds' argument, returned as a string.
fdlist.cports|CHARBUF|dec||FD Client Ports|for TCP/UDP FDs, for poll events, this is a comma-separated list of the client TCP/UDP ports in the 'fds' argument, returned as a string.
fdlist.sports|CHARBUF|dec||FD Source Ports|for poll events, this is a comma-separated list of the server TCP/UDP ports in the 'fds' argument, returned as a string.
@k8s|||Kubernetes related context. Available when configured to fetch k8s meta-data from API Server.
k8s.pod.name|CHARBUF|na||Pod Name|Kubernetes pod name.
k8s.pod.id|CHARBUF|na||Pod ID|Kubernetes pod id.
k8s.pod.label|CHARBUF|na|A|Pod Label|Kubernetes pod label. E.g. 'k8s.pod.label.foo'.
k8s.pod.labels|CHARBUF|na||Pod Labels|Kubernetes pod comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
k8s.rc.name|CHARBUF|na||Replication Controller Name|Kubernetes replication controller name.
k8s.rc.id|CHARBUF|na||Replication Controller ID|Kubernetes replication controller id.
k8s.rc.label|CHARBUF|na|A|Replication Controller Label|Kubernetes replication controller label. E.g. 'k8s.rc.label.foo'.
k8s.rc.labels|CHARBUF|na||Replication Controller Labels|Kubernetes replication controller comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
k8s.svc.name|CHARBUF|na||Service Name|Kubernetes service name (can return more than one value, concatenated).
k8s.svc.id|CHARBUF|na||Service ID|Kubernetes service id (can return more than one value, concatenated).
k8s.svc.label|CHARBUF|na|A|Service Label|Kubernetes service label. E.g. 'k8s.svc.label.foo' (can return more than one value, concatenated).
k8s.svc.labels|CHARBUF|na||Service Labels|Kubernetes service comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
k8s.ns.name|CHARBUF|na||Namespace Name|Kubernetes namespace name.
k8s.ns.id|CHARBUF|na||Namespace ID|Kubernetes namespace id.
k8s.ns.label|CHARBUF|na|A|Namespace Label|Kubernetes namespace label. E.g. 'k8s.ns.label.foo'.
k8s.ns.labels|CHARBUF|na||Namespace Labels|Kubernetes namespace comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
k8s.rs.name|CHARBUF|na||Replica Set Name|Kubernetes replica set name.
k8s.rs.id|CHARBUF|na||Replica Set ID|Kubernetes replica set id.
k8s.rs.label|CHARBUF|na|A|Replica Set Label|Kubernetes replica set label. E.g. 'k8s.rs.label.foo'.
k8s.rs.labels|CHARBUF|na||Replica Set Labels|Kubernetes replica set comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
k8s.deployment.name|CHARBUF|na||Deployment Name|Kubernetes deployment name.
k8s.deployment.id|CHARBUF|na||Deployment ID|Kubernetes deployment id.
k8s.deployment.label|CHARBUF|na|A|Deployment Label|Kubernetes deployment label. E.g. 'k8s.rs.label.foo'.
k8s.deployment.labels|CHARBUF|na||Deployment Labels|Kubernetes deployment comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
@mesos|||Mesos related context.
mesos.task.name|CHARBUF|na||Task Name|Mesos task name.
mesos.task.id|CHARBUF|na||Task ID|Mesos task id.
mesos.task.label|CHARBUF|na|A|Task Label|Mesos task label. E.g. 'mesos.task.label.foo'.
mesos.task.labels|CHARBUF|na||Task Labels|Mesos task comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
mesos.framework.name|CHARBUF|na||Framework Name|Mesos framework name.
mesos.framework.id|CHARBUF|na||Framework ID|Mesos framework id.
marathon.app.name|CHARBUF|na||App Name|Marathon app name.
marathon.app.id|CHARBUF|na||App ID|Marathon app id.
marathon.app.label|CHARBUF|na|A|App Label|Marathon app label. E.g. 'marathon.app.label.foo'.
marathon.app.labels|CHARBUF|na||App Labels|Marathon app comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.
marathon.group.name|CHARBUF|na||Group Name|Marathon group name.
marathon.group.id|CHARBUF|na||Group ID|Marathon group id.
@span|||Fields used if information about distributed tracing is available.
span.id|INT64|id||Span ID|ID of the span. This is a unique identifier that is used to match the enter and exit tracer events for this span. It can also be used to match different spans belonging to a trace.
span.time|CHARBUF|na||Time|time of the span's enter tracer as a human readable string that includes the nanosecond part.
span.ntags|UINT32|dec||Tag Count|number of tags that this span has.
span.nargs|UINT32|dec||Argument Count|number of arguments that this span has.
span.tags|CHARBUF|na||Tags|dot-separated list of all of the span's tags.
span.tag|CHARBUF|na|A|Tag|one of the span's tags, specified by 0-based offset, e.g. 'span.tag[1]'. You can use a negative offset to pick elements from the end of the tag list. For example, 'span.tag[-1]' returns the last tag.
span.args|CHARBUF|na||Arguments|comma-separated list of the span's arguments.
span.arg|CHARBUF|na|A|Argument|one of the span arguments, specified by name or by 0-based offset. E.g. 'span.arg.xxx' or 'span.arg[1]'. You can use a negative offset to pick elements from the end of the tag list. For example, 'span.arg[-1]' returns the last argument.
span.enterargs|CHARBUF|na||Enter Arguments|comma-separated list of the span's enter tracer event arguments. For enter tracers, this is the same as evt.args. For exit tracers, this is the evt.args of the corresponding enter tracer.
span.enterarg|CHARBUF|na|A|Enter Argument|one of the span's enter arguments, specified by name or by 0-based offset. For enter tracer events, this is the same as evt.arg. For exit tracer events, this is the evt.arg of the corresponding enter event.
span.duration|RELTIME|dec||Duration|delta between this span's exit tracer event and the enter tracer event.
span.duration.quantized|UINT64|dec|T|Quantized Duration|10-base log of the delta between an exit tracer event and the correspondent enter event.
span.duration.human|CHARBUF|na||Human-Readable Duration|delta between this span's exit tracer event and the enter event, as a human readable string (e.g. 10.3ms).
span.duration.fortag|RELTIME|dec|TA|Duration For Tag|duration of the span if the number of tags matches the field argument, otherwise 0. For example, span.duration.fortag[1] returns the duration of all the spans with 1 tag, and zero for all the other ones.
span.count|UINT64|dec|T|Span Count|1 for span exit events.
span.count.fortag|UINT64|dec|TA|Count For Tag|1 if the span's number of tags matches the field argument, and zero for all the other ones.
span.childcount.fortag|UINT64|dec|TA|Child Count For Tag|1 if the span's number of tags is greater than the field argument, and zero for all the other ones.
span.idtag|CHARBUF|na|TA|List View ID|id used by the span list view.
span.rawtime|CHARBUF|na|T|List View Time|id used by the span list view.
span.rawparenttime|CHARBUF|na|T|List View Parent Time|id used by the span list view.
@evtin|||Fields used if information about distributed tracing is available.
evtin.span.id|INT64|id||In Span ID|accepts all the events that are between the enter and exit tracers of the spans with the given ID and are generated by the same thread that generated the tracers.
evtin.span.ntags|UINT32|dec||In Span Tag Count|accepts all the events that are between the enter and exit tracers of the spans with the given number of tags and are generated by the same thread that generated the tracers.
evtin.span.nargs|UINT32|dec||In Span Argument Count|accepts all the events that are between the enter and exit tracers of the spans with the given number of arguments and are generated by the same thread that generated the tracers.
evtin.span.tags|CHARBUF|na||In Span Tags|accepts all the events that are between the enter and exit tracers of the spans with the given tags and are generated by the same thread that generated the tracers.
evtin.span.tag|CHARBUF|na|A|In Span Tag|accepts all the events that are between the enter and exit tracers of the spans with the given tag and are generated by the same thread that generated the tracers. See the description of span.tag for information about the syntax accepted by this field.
evtin.span.args|CHARBUF|na||In Span Arguments|accepts all the events that are between the enter and exit tracers of the spans with the given arguments and are generated by the same thread that generated the tracers.
evtin.span.arg|CHARBUF|na|A|In Span Argument|accepts all the events that are between the enter and exit tracers of the spans with the given argument and are generated by the same thread that generated the tracers. See the description of span.arg for information about the syntax accepted by this field.
evtin.span.p.id|INT64|id||In Parent ID|same as evtin.span.id, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.p.ntags|UINT32|dec||In Parent Tag Count|same as evtin.span.ntags, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.p.nargs|UINT32|dec||In Parent Argument Count|same as evtin.span.nargs, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.p.tags|CHARBUF|na||In Parent Tags|same as evtin.span.tags, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.p.tag|CHARBUF|na|A|In Parent Tag|same as evtin.span.tag, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.p.args|CHARBUF|na||In Parent Arguments|same as evtin.span.args, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.p.arg|CHARBUF|na|A|In Parent Argument|same as evtin.span.arg, but also accepts events generated by other threads in the same process that produced the span.
evtin.span.s.id|INT64|id||In Script ID|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.s.ntags|UINT32|dec||In Script Tag Count|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.s.nargs|UINT32|dec||In Script Argument Count|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.s.tags|CHARBUF|na||In Script Tags|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.s.tag|CHARBUF|na|A|In Script Tag|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.s.args|CHARBUF|na||In Script Arguments|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.s.arg|CHARBUF|na|A|In Script Argument|same as evtin.span.id, but also accepts events generated by the script that produced the span, i.e. by the processes whose parent PID is the same as the one of the process generating the span.
evtin.span.m.id|INT64|id||In Machine ID|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
evtin.span.m.ntags|UINT32|dec||In Machine Tag Count|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
evtin.span.m.nargs|UINT32|dec||In Machine Argument Count|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
evtin.span.m.tags|CHARBUF|na||In Machine Tags|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
evtin.span.m.tag|CHARBUF|na|A|In Machine Tag|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
evtin.span.m.args|CHARBUF|na||In Machine Arguments|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
evtin.span.m.arg|CHARBUF|na|A|In Machine Argument|same as evtin.span.id, but accepts all the events generated on the machine during the span, including other threads and other processes.
"""
