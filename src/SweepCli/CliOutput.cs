using System.Text.Encodings.Web;
using System.Text.Json;
using SweepCli.CommandLine;
using SweepDomain;
using SweepDomain.Results;

namespace SweepCli;

/// <summary>
/// How one command reports, given <c>--json</c>, <c>--quiet</c> and <c>--verbose</c>. Human text goes to standard
/// output; under <c>--json</c> standard output carries exactly one JSON document and progress moves to standard error.
/// Errors always go to standard error.
/// </summary>
internal sealed class CliOutput(CliConsole console, bool json, bool quiet, bool verbose)
{
    /// <summary>The report's options (camelCase, parameter values keep int/float), with '&lt;' and '&gt;' left readable.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(SweepReport.JsonOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public CliConsole Console => console;

    public bool Json => json;

    public bool Quiet => quiet;

    public bool Verbose => verbose;

    /// <summary>Results for people: standard output, or nowhere under --json.</summary>
    public TextWriter Text => json ? TextWriter.Null : console.Out;

    /// <summary>Progress lines: standard output, standard error under --json, nowhere under --quiet.</summary>
    public TextWriter ProgressWriter => quiet ? TextWriter.Null : json ? console.Error : console.Out;

    /// <summary>Live bars need a terminal and a person watching it.</summary>
    public bool LiveProgress => console.IsTerminal && !json && !quiet;

    public void WriteJson<T>(T value) => console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public void Warn(string message) => console.Error.WriteLine($"warning: {message}");

    /// <summary>Every problem, each under the flag it concerns; under --json also as a JSON document.</summary>
    public void Invalid(ValidationErrors errors)
    {
        var byFlag = errors.ToDictionary().ToDictionary(e => FlagNames.For(e.Key), e => e.Value);
        int count = byFlag.Sum(e => e.Value.Length);
        console.Error.WriteLine($"error: invalid input ({count} problem{(count == 1 ? "" : "s")}); nothing was run.");
        foreach (var (flag, messages) in byFlag)
        {
            foreach (string message in messages)
            {
                console.Error.WriteLine($"  {flag}: {message}");
            }
        }

        if (json)
        {
            WriteJson(new { status = "invalid", errors = byFlag });
        }
    }

    /// <summary>A runtime failure in one line; --verbose adds the exception detail.</summary>
    public void Failure(Exception e)
    {
        string reason = OneLine(e is AggregateException a ? a.Flatten().InnerExceptions[0].Message : e.Message);
        console.Error.WriteLine($"error: {reason}");
        if (verbose)
        {
            console.Error.WriteLine(e.ToString());
        }
        else
        {
            console.Error.WriteLine("(run with --verbose for the details)");
        }

        if (json)
        {
            WriteJson(new { status = "failed", error = reason });
        }
    }

    public void Cancelled(string message)
    {
        console.Error.WriteLine(message);
        if (json)
        {
            WriteJson(new { status = "cancelled", message });
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
