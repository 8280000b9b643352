using BamValidation.Reference;

namespace BamValidation.Tests;

/// <summary>The original's reference figures, copied next to the tests.</summary>
internal static class ReferenceFile
{
    private static readonly Lazy<ReferenceData> Data = new(() => ReferenceData.Load(PathOf("bamengine-default-metrics.json")));

    private static readonly Lazy<PerturbationPanel> Panel = new(() => PerturbationPanel.Load(PathOf("bamengine-perturbation-panel.json")));

    public static ReferenceData Load() => Data.Value;

    public static PerturbationPanel LoadPanel() => Panel.Value;

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);
}
