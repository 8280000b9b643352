namespace SweepDomain.Evaluation;

/// <summary>
/// Which model scored a sweep: the evaluator's name and the version it describes. The report records it, and the
/// memo keys every score by it, so results of two evaluators never mix.
/// </summary>
public sealed record EvaluatorIdentity(string Name, string Version)
{
    /// <summary>The in-process C# port of BAM with its three validation scenarios.</summary>
    public static readonly EvaluatorIdentity BuiltIn = new("built-in", "bam");

    public override string ToString() => $"{Name} {Version}";
}
