// SPDX-License-Identifier: Apache-2.0

/// The introsort of GNU libstdc++'s `std::sort`, step for step.
///
/// `std::sort` is not stable: elements that compare equal end up in an order that depends on the
/// algorithm. sysdig's tables (the `-S` summary, chisel top lists) print rows in that order, so
/// reproducing its output means sorting exactly as libstdc++ does.
public enum StdSort {
    /// Sorts `a` in place with `less`, as `std::sort(a.begin(), a.end(), less)` would.
    public static func sort<T>(_ a: inout [T], by less: (T, T) -> Bool) {
        let n = a.count
        guard n > 1 else { return }
        var lg = 0
        var m = n
        while m > 1 { m >>= 1; lg += 1 }
        introsortLoop(&a, 0, n, depthLimit: lg * 2, less)
        finalInsertionSort(&a, 0, n, less)
    }

    private static let threshold = 16

    private static func introsortLoop<T>(_ a: inout [T], _ first: Int, _ lastIn: Int, depthLimit: Int, _ less: (T, T) -> Bool) {
        var last = lastIn
        var depth = depthLimit
        while last - first > threshold {
            if depth == 0 {
                heapSort(&a, first, last, less)
                return
            }
            depth -= 1
            let cut = partitionPivot(&a, first, last, less)
            introsortLoop(&a, cut, last, depthLimit: depth, less)
            last = cut
        }
    }

    private static func partitionPivot<T>(_ a: inout [T], _ first: Int, _ last: Int, _ less: (T, T) -> Bool) -> Int {
        let mid = first + (last - first) / 2
        moveMedianToFirst(&a, first, first + 1, mid, last - 1, less)
        return unguardedPartition(&a, first + 1, last, pivot: first, less)
    }

    private static func moveMedianToFirst<T>(
        _ a: inout [T], _ result: Int, _ x: Int, _ y: Int, _ z: Int, _ less: (T, T) -> Bool
    ) {
        if less(a[x], a[y]) {
            if less(a[y], a[z]) { a.swapAt(result, y) } else if less(a[x], a[z]) { a.swapAt(result, z) } else { a.swapAt(result, x) }
        } else if less(a[x], a[z]) {
            a.swapAt(result, x)
        } else if less(a[y], a[z]) {
            a.swapAt(result, z)
        } else {
            a.swapAt(result, y)
        }
    }

    private static func unguardedPartition<T>(
        _ a: inout [T], _ firstIn: Int, _ lastIn: Int, pivot: Int, _ less: (T, T) -> Bool
    ) -> Int {
        var first = firstIn
        var last = lastIn
        while true {
            while less(a[first], a[pivot]) { first += 1 }
            last -= 1
            while less(a[pivot], a[last]) { last -= 1 }
            if !(first < last) { return first }
            a.swapAt(first, last)
            first += 1
        }
    }

    private static func finalInsertionSort<T>(_ a: inout [T], _ first: Int, _ last: Int, _ less: (T, T) -> Bool) {
        if last - first > threshold {
            insertionSort(&a, first, first + threshold, less)
            for i in (first + threshold)..<last { unguardedLinearInsert(&a, i, less) }
        } else {
            insertionSort(&a, first, last, less)
        }
    }

    private static func insertionSort<T>(_ a: inout [T], _ first: Int, _ last: Int, _ less: (T, T) -> Bool) {
        guard first != last else { return }
        var i = first + 1
        while i < last {
            if less(a[i], a[first]) {
                let value = a[i]
                var j = i
                while j > first {
                    a[j] = a[j - 1]
                    j -= 1
                }
                a[first] = value
            } else {
                unguardedLinearInsert(&a, i, less)
            }
            i += 1
        }
    }

    private static func unguardedLinearInsert<T>(_ a: inout [T], _ lastIn: Int, _ less: (T, T) -> Bool) {
        let value = a[lastIn]
        var last = lastIn
        var next = last - 1
        while less(value, a[next]) {
            a[last] = a[next]
            last = next
            next -= 1
        }
        a[last] = value
    }

    // MARK: heap sort, as std::__partial_sort(first, last, last) does it

    private static func heapSort<T>(_ a: inout [T], _ first: Int, _ last: Int, _ less: (T, T) -> Bool) {
        let len = last - first
        guard len > 1 else { return }
        // make_heap
        var parent = (len - 2) / 2
        while true {
            let value = a[first + parent]
            adjustHeap(&a, first, parent, len, value, less)
            if parent == 0 { break }
            parent -= 1
        }
        // sort_heap
        var end = last
        while end - first > 1 {
            end -= 1
            let value = a[end]
            a[end] = a[first]
            adjustHeap(&a, first, 0, end - first, value, less)
        }
    }

    private static func adjustHeap<T>(
        _ a: inout [T], _ first: Int, _ holeIn: Int, _ len: Int, _ value: T, _ less: (T, T) -> Bool
    ) {
        let top = holeIn
        var hole = holeIn
        var child = hole
        while child < (len - 1) / 2 {
            child = 2 * (child + 1)
            if less(a[first + child], a[first + child - 1]) { child -= 1 }
            a[first + hole] = a[first + child]
            hole = child
        }
        if len & 1 == 0 && child == (len - 2) / 2 {
            child = 2 * (child + 1)
            a[first + hole] = a[first + child - 1]
            hole = child - 1
        }
        // push_heap
        var parent = (hole - 1) / 2
        while hole > top && less(a[first + parent], value) {
            a[first + hole] = a[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        a[first + hole] = value
    }
}
