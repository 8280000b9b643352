using SweepDomain.Parameters;

namespace SweepDomain.Evaluation;

/// <summary>The scenarios an app can evaluate, each with its parameter schema.</summary>
public interface IScenarioCatalog
{
    IReadOnlyList<string> Names { get; }

    /// <summary>The schema of <paramref name="scenario"/>, or null when no such scenario exists.</summary>
    ScenarioSchema? Find(string scenario);
}
