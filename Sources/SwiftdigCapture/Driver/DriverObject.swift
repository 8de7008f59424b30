// SPDX-License-Identifier: Apache-2.0
import CLibBPF
import SwiftdigDriverABI
#if canImport(Glibc)
import Glibc
#endif

/// The loaded BPF object and its maps: libbpf's side of `DriverProbe`.
final class DriverObject {
    /// The program that only runs with page faults on.
    static let pageFaultProgram = "sd_page_fault_user"
    /// The program that is never attached: it flushes the cpu's batch when run there.
    static let flushProgram = "sd_flush"

    private let object: OpaquePointer
    /// The ring buffers, one per possible cpu, by cpu number.
    let ringFDs: [Int32]
    private let plansFD: Int32
    private let settingsFD: Int32
    private let countersFD: Int32
    /// The batch flusher's descriptor (-1 when the object has none).
    private let flushFD: Int32
    private let cpus: Int

    /// Opens and loads the object at `path`, with ring buffers of at least `ringBytes` in all
    /// (one per cpu, each a power of two of at least 1 MiB).
    init(path: String, ringBytes: Int, pageFaults: Bool) throws(CaptureError) {
        LibBPFLog.install()
        _ = LibBPFLog.takeWarning()
        guard let object = bpf_object__open_file(path, nil) else {
            throw .system("cannot open the driver object \(path)", errno: errno, detail: LibBPFLog.takeWarning())
        }
        var loaded = false
        var ringFDs: [Int32] = []
        defer {
            if !loaded {
                bpf_object__close(object)
                ringFDs.forEach { close($0) }
            }
        }
        let cpus = Int(libbpf_num_possible_cpus())
        guard cpus > 0 else {
            throw .system("cannot count the cpus", errno: -Int32(cpus))
        }
        // The ring buffers are made here and stored in the driver's array of them once it is
        // loaded; the first one is also the template the kernel checks the others against.
        let rings = try Self.map(object, "sd_rings")
        let ringSize = Self.ringSize(max(ringBytes / cpus, 1 << 20))
        for _ in 0..<cpus {
            let fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, nil, 0, 0, ringSize, nil)
            guard fd >= 0 else {
                throw .system("cannot create the driver's ring buffers", errno: -fd)
            }
            ringFDs.append(fd)
        }
        bpf_map__set_inner_map_fd(rings, ringFDs[0])
        bpf_map__set_max_entries(rings, UInt32(cpus))
        bpf_map__set_max_entries(try Self.map(object, "sd_scratch_map"), UInt32(cpus))
        bpf_map__set_max_entries(try Self.map(object, "sd_flush_timers"), UInt32(cpus))
        if let program = bpf_object__find_program_by_name(object, Self.pageFaultProgram) {
            bpf_program__set_autoload(program, pageFaults)
        }
        let status = bpf_object__load(object)
        guard status == 0 else {
            throw .system("cannot load the driver", errno: -status, detail: LibBPFLog.takeWarning())
        }
        for (cpu, fd) in ringFDs.enumerated() {
            var key = UInt32(cpu)
            var value = fd
            guard bpf_map_update_elem(bpf_map__fd(rings), &key, &value, 0) == 0 else {
                throw .system("cannot give the driver its ring buffers", errno: errno)
            }
        }
        self.object = object
        self.cpus = cpus
        self.ringFDs = ringFDs
        plansFD = bpf_map__fd(try Self.map(object, "sd_plans"))
        settingsFD = bpf_map__fd(try Self.map(object, "sd_settings_map"))
        countersFD = bpf_map__fd(try Self.map(object, "sd_counters_map"))
        flushFD = bpf_object__find_program_by_name(object, Self.flushProgram).map { bpf_program__fd($0) } ?? -1
        loaded = true
    }

    deinit {
        bpf_object__close(object)
        ringFDs.forEach { close($0) }
    }

    /// A ring buffer size the kernel takes: a power of two, at least a page.
    static func ringSize(_ bytes: Int) -> UInt32 {
        var size = max(Int(getpagesize()), 1 << 12)
        while size < bytes && size < 1 << 30 {
            size <<= 1
        }
        return UInt32(size)
    }

    private static func map(_ object: OpaquePointer, _ name: String) throws(CaptureError) -> OpaquePointer {
        guard let map = bpf_object__find_map_by_name(object, name) else {
            throw CaptureError("the driver object has no map \(name): it does not match this swiftdig")
        }
        return map
    }

    func writeSettings(_ value: sd_settings) throws(CaptureError) {
        var key: UInt32 = 0
        var value = value
        guard bpf_map_update_elem(settingsFD, &key, &value, 0) == 0 else {
            throw .system("cannot write the driver's settings", errno: errno)
        }
    }

    func writePlan(_ plan: sd_syscall_plan, for syscall: Int) throws(CaptureError) {
        guard syscall >= 0 && syscall < Int(SD_MAX_SYSCALLS) else { return }
        var key = UInt32(syscall)
        var value = plan
        guard bpf_map_update_elem(plansFD, &key, &value, 0) == 0 else {
            throw .system("cannot write the capture plan of system call \(syscall)", errno: errno)
        }
    }

    /// Attaches every program that was loaded; on failure detaches those already attached.
    func attachAll() throws(CaptureError) -> [OpaquePointer] {
        var links: [OpaquePointer] = []
        var program = bpf_object__next_program(object, nil)
        while let current = program {
            program = bpf_object__next_program(object, current)
            guard bpf_program__autoload(current),
                String(cString: bpf_program__name(current)) != Self.flushProgram
            else { continue }
            guard let link = bpf_program__attach(current) else {
                let code = errno
                let name = String(cString: bpf_program__name(current))
                links.forEach { bpf_link__destroy($0) }
                throw .system("cannot attach the driver's program \(name)", errno: code, detail: LibBPFLog.takeWarning())
            }
            links.append(link)
        }
        return links
    }

    /// Sends what every cpu's batch holds to its ring buffer now, instead of at the cpu's next
    /// flush (its timer, at most a millisecond away, or going idle): the flush program runs on
    /// each cpu in turn, interrupting it. A batch the interrupted program owns is left to its
    /// timer.
    func flushBatches() {
        guard flushFD >= 0 else { return }
        for cpu in 0..<cpus {
            var options = bpf_test_run_opts()
            options.sz = MemoryLayout<bpf_test_run_opts>.size
            options.flags = UInt32(BPF_F_TEST_RUN_ON_CPU)
            options.cpu = UInt32(cpu)
            _ = bpf_prog_test_run_opts(flushFD, &options)
        }
    }

    /// The counters summed over the cpus.
    func counters() -> DriverCounters {
        var perCPU = [sd_counters](repeating: sd_counters(), count: cpus)
        var key: UInt32 = 0
        var total = DriverCounters()
        guard bpf_map_lookup_elem(countersFD, &key, &perCPU) == 0 else { return total }
        perCPU.forEach { total.add($0) }
        return total
    }
}
