//! Transparent huge pages, off while a build is incremental. mimalloc asks
//! for them for its memory, and the kernel then zeroes 2 MiB at the first
//! touch of each: a rebuild after one edit at 10,000 offers spent 0.7 s of
//! its 3.4 s of CPU there (perf: `clear_page_erms` under
//! `mi_page_free_list_extend`), and took 0.5 s less without. A full build
//! touches its memory in large runs, where huge pages save page faults: at
//! 50,000 offers it took 61.0 s with them and 81.8 s without (system time
//! 29.1 against 50.5 s). So they are off only from the start of a build
//! that has a manifest to rebuild from until it turns out to be a full one.

/// Allows (`true`) or forbids transparent huge pages for this process's
/// memory from now on (Linux; elsewhere nothing).
pub(super) fn allow(allowed: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) takes integers only and changes a
    // flag of this process; its result (-1 on an old kernel) does not
    // matter: the build is the same either way, only its speed differs.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            libc::c_ulong::from(!allowed),
            0,
            0,
            0,
        );
    }
    #[cfg(not(target_os = "linux"))]
    let _ = allowed;
}
