#pragma once
// Shared by the benchmarks: the median of warm runs.

#include <QElapsedTimer>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

namespace yg::bench {

/** The median time in ms of `runs` runs of `work`, after one run that warms the page cache. */
inline double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    work();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/** Wall and CPU time (ms, this process) of one piece of work: medians of `runs` warm runs. */
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

inline Timing medianTiming(int runs, const std::function<void()>& work)
{
    auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    };
    std::vector<double> wall, cpu;
    work();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        const double c0 = cpuNow();
        t.start();
        work();
        wall.push_back(t.nsecsElapsed() / 1e6);
        cpu.push_back(cpuNow() - c0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

} // namespace yg::bench
