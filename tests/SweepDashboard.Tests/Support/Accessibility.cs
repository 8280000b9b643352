using Deque.AxeCore.Commons;

namespace SweepDashboard.Tests.Support;

public static class Accessibility
{
    /// <summary>Each violation of an axe run: its rule, impact, help and the elements that break it.</summary>
    public static string Describe(AxeResult result) => string.Join("\n", result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Take(5).Select(n => $"{n.Target}: {n.Html}"))));
}
