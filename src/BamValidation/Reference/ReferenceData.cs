using System.Text.Json;
using BamValidation.Scoring;

namespace BamValidation.Reference;

/// <summary>One metric of one seed in the original's reference file: its actual value, status and score.</summary>
public sealed record ReferenceMetricValue(string Name, double Actual, Status Status, double Score);

/// <summary>One seed of one scenario in the reference file.</summary>
public sealed record ReferenceSeed(int Seed, double TotalScore, int NPass, int NWarn, int NFail, IReadOnlyList<ReferenceMetricValue> Metrics)
{
    public ReferenceMetricValue? Find(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}

/// <summary>The 20-seed summary of one metric: actual-value statistics (sample std) and status counts.</summary>
public sealed record ReferenceMetricSummary(
    string Name,
    string CheckType,
    double Weight,
    string Group,
    double ActualMean,
    double ActualStdSample,
    double ActualMin,
    double ActualMax,
    double ScoreMean,
    int NPass,
    int NWarn,
    int NFail);

/// <summary>One scenario of the reference file (validation.md §12).</summary>
public sealed record ReferenceScenario(
    string Name,
    double TotalScoreMean,
    double TotalScoreStdSample,
    double PassRate,
    IReadOnlyList<ReferenceMetricSummary> Metrics,
    IReadOnlyList<ReferenceSeed> Seeds);

/// <summary>
/// The original's per-seed metrics at default configuration (<c>bamengine-default-metrics.json</c>: 3 scenarios ×
/// 20 seeds, 1000 periods). The file is passed in by the caller; this type only reads it.
/// </summary>
public sealed class ReferenceData
{
    private ReferenceData(IReadOnlyList<ReferenceScenario> scenarios) => Scenarios = scenarios;

    public IReadOnlyList<ReferenceScenario> Scenarios { get; }

    public ReferenceScenario? Find(string scenario) => Scenarios.FirstOrDefault(s => s.Name == scenario);

    public static ReferenceData Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static ReferenceData Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var scenarios = new List<ReferenceScenario>();
        foreach (var scenario in document.RootElement.GetProperty("scenarios").EnumerateObject())
        {
            scenarios.Add(ReadScenario(scenario.Name, scenario.Value));
        }

        return new ReferenceData(scenarios);
    }

    private static ReferenceScenario ReadScenario(string name, JsonElement element)
    {
        var summary = element.GetProperty("summary");
        var metrics = new List<ReferenceMetricSummary>();
        foreach (var m in summary.GetProperty("metrics").EnumerateObject())
        {
            var v = m.Value;
            metrics.Add(new ReferenceMetricSummary(
                m.Name,
                v.GetProperty("check_type").GetString() ?? "",
                v.GetProperty("weight").GetDouble(),
                v.GetProperty("group").GetString() ?? "",
                v.GetProperty("actual_mean").GetDouble(),
                v.GetProperty("actual_std_sample").GetDouble(),
                v.GetProperty("actual_min").GetDouble(),
                v.GetProperty("actual_max").GetDouble(),
                v.GetProperty("score_mean").GetDouble(),
                v.GetProperty("n_PASS").GetInt32(),
                v.GetProperty("n_WARN").GetInt32(),
                v.GetProperty("n_FAIL").GetInt32()));
        }

        var seeds = new List<ReferenceSeed>();
        foreach (var s in element.GetProperty("per_seed").EnumerateArray())
        {
            var values = new List<ReferenceMetricValue>();
            foreach (var m in s.GetProperty("metrics").EnumerateObject())
            {
                values.Add(new ReferenceMetricValue(
                    m.Name,
                    m.Value.GetProperty("actual").GetDouble(),
                    ParseStatus(m.Value.GetProperty("status").GetString()),
                    m.Value.GetProperty("score").GetDouble()));
            }

            seeds.Add(new ReferenceSeed(
                s.GetProperty("seed").GetInt32(),
                s.GetProperty("total_score").GetDouble(),
                s.GetProperty("n_pass").GetInt32(),
                s.GetProperty("n_warn").GetInt32(),
                s.GetProperty("n_fail").GetInt32(),
                values));
        }

        return new ReferenceScenario(
            name,
            summary.GetProperty("total_score_mean").GetDouble(),
            summary.GetProperty("total_score_std_sample").GetDouble(),
            summary.GetProperty("pass_rate").GetDouble(),
            metrics,
            seeds);
    }

    internal static Status ParseStatus(string? text) => text switch
    {
        "PASS" => Status.Pass,
        "WARN" => Status.Warn,
        "FAIL" => Status.Fail,
        _ => throw new FormatException($"Unknown status '{text}'."),
    };
}
