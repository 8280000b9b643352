namespace SweepLibrary.Output;

/// <summary>
/// A sweep stopped before its end (Ctrl-C): <see cref="Finished"/> of <see cref="Total"/> stages finished, and
/// <see cref="ResumeCommand"/> finishes it without running them again. The summary and the page written then say so.
/// </summary>
public sealed record Interruption(int Finished, int Total, string ResumeCommand)
{
    /// <summary>The headline: <c>interrupted after stage 1 of 3</c>.</summary>
    public string Headline => Finished == 0 ? $"interrupted during stage 1 of {Total}" : $"interrupted after stage {Finished} of {Total}";

    /// <summary>The headline, then how to finish, in two sentences.</summary>
    public string Text =>
        $"{char.ToUpperInvariant(Headline[0])}{Headline[1..]}; the stages after it did not run, and the final winner and the report are written when the sweep ends. " +
        $"To finish it, run `{ResumeCommand}`: the finished stages are not run again.";
}
