using System.Globalization;
using System.Text.Json;
using BamValidation.Scoring;

namespace BamValidation.Reference;

/// <summary>
/// One config of the perturbation panel: a scenario, the parameters changed from its defaults (ints as
/// <see cref="long"/>, floats as <see cref="double"/>, choices as <see cref="string"/>, in the file's order) and the
/// original's run for each seed.
/// </summary>
public sealed record PanelConfig(string Scenario, IReadOnlyList<(string Name, object Value)> Overrides, IReadOnlyList<ReferenceSeed> Runs)
{
    /// <summary>The scenario and its overrides, e.g. <c>baseline max_M=2</c> or <c>growth_plus (defaults)</c>.</summary>
    public string Label => Scenario + " " + (Overrides.Count == 0
        ? "(defaults)"
        : string.Join(" ", Overrides.Select(o => $"{o.Name}={Convert.ToString(o.Value, CultureInfo.InvariantCulture)}")));
}

/// <summary>
/// The original's perturbation panel (<c>bamengine-perturbation-panel.json</c>): configs that change one
/// parameter at a time from the defaults, each run on the same seeds for 1000 periods, with every metric's actual
/// value, status and score per run. The file is passed in by the caller; this type only reads it.
/// </summary>
public sealed class PerturbationPanel
{
    private PerturbationPanel(IReadOnlyList<PanelConfig> configs) => Configs = configs;

    /// <summary>The configs in the file's order, each with its runs in seed order.</summary>
    public IReadOnlyList<PanelConfig> Configs { get; }

    public static PerturbationPanel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static PerturbationPanel Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        var configs = new List<PanelConfig>();
        foreach (var config in root.GetProperty("configs").EnumerateArray())
        {
            string scenario = config[0].GetString() ?? "";
            var overrides = config[1].EnumerateObject().Select(p => (p.Name, Value: ReadValue(p.Value))).ToList();
            var seeds = runs
                .Where(r => r.GetProperty("scenario").GetString() == scenario && SameOverrides(r.GetProperty("params"), overrides))
                .Select(ReadRun)
                .OrderBy(s => s.Seed)
                .ToList();
            configs.Add(new PanelConfig(scenario, overrides, seeds));
        }

        return new PerturbationPanel(configs);
    }

    private static ReferenceSeed ReadRun(JsonElement run)
    {
        var metrics = run.GetProperty("metrics").EnumerateObject()
            .Select(m => new ReferenceMetricValue(m.Name, m.Value[0].GetDouble(), ReferenceData.ParseStatus(m.Value[1].GetString()), m.Value[2].GetDouble()))
            .ToList();
        return new ReferenceSeed(
            run.GetProperty("seed").GetInt32(),
            run.GetProperty("total_score").GetDouble(),
            metrics.Count(m => m.Status == Status.Pass),
            metrics.Count(m => m.Status == Status.Warn),
            run.GetProperty("n_fail").GetInt32(),
            metrics);
    }

    private static bool SameOverrides(JsonElement parameters, IReadOnlyList<(string Name, object Value)> overrides)
    {
        var given = parameters.EnumerateObject().Select(p => (p.Name, Value: ReadValue(p.Value))).ToList();
        return given.Count == overrides.Count && given.Zip(overrides).All(pair => pair.First.Name == pair.Second.Name && pair.First.Value.Equals(pair.Second.Value));
    }

    /// <summary>A JSON number without a decimal point or exponent is an int, any other number a float.</summary>
    private static object ReadValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when value.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0 => value.GetInt64(),
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new FormatException($"Unexpected parameter value {value.GetRawText()}."),
    };
}
