using BamValidation.Reference;

namespace BamValidation.Tests;

/// <summary>The original's reference figures, copied next to the tests.</summary>
internal static class ReferenceFile
{
    private static readonly Lazy<ReferenceData> Data = new(() =>
        ReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "Reference", "bamengine-default-metrics.json")));

    public static ReferenceData Load() => Data.Value;
}
