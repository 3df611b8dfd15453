#pragma once
// Shared by the benchmarks: the median of warm runs.

#include <QElapsedTimer>

#include <algorithm>
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

} // namespace yg::bench
