namespace SweepLibrary.Output;

/// <summary>
/// A sweep stopped before its end (Ctrl-C): <see cref="Finished"/> of <see cref="Total"/> stages finished, and
/// <see cref="ResumeCommand"/> finishes it without running them again. The summary and the page written then say so.
/// </summary>
public sealed record Interruption(int Finished, int Total, string ResumeCommand)
{
    /// <summary>The headline: <c>Interrupted after stage 1 of 3</c>.</summary>
    public string Headline => $"Interrupted after stage {Finished} of {Total}";

    /// <summary>What that means and how to finish, commands in backticks.</summary>
    public string Advice =>
        "The stages after it did not run, and the final winner and the report are written when the sweep ends. " +
        $"To finish it, run `{ResumeCommand}`: the finished stages are not run again.";

    /// <summary>The headline, then the advice.</summary>
    public string Text => $"{Headline}. {Advice}";
}
