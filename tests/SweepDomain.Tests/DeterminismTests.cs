using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SweepDomain.Tests;

/// <summary>
/// The domain runs inside durable orchestrators, which replay it: it must not read clocks, randomness, the
/// environment or files, start threads, or leave the caller's context. The Durable analyzers see only the app
/// project, so this scan guards the domain sources.
/// </summary>
public class DeterminismTests
{
    private static readonly (string Pattern, string Why)[] Forbidden =
    [
        (@"DateTime(Offset)?\.(Utc)?Now", "reads the clock"),
        (@"Stopwatch", "reads the clock"),
        (@"Guid\.NewGuid", "is random"),
        (@"new Random\(|Random\.Shared", "is random"),
        (@"Environment\.GetEnvironmentVariable", "reads the environment"),
        (@"\bFile\.|\bDirectory\.|FileStream", "does file I/O"),
        (@"ConfigureAwait\(false\)", "leaves the orchestration's context"),
        (@"Task\.Run|Task\.Delay|new Thread|ThreadPool|Parallel\.", "starts threads or timers"),
    ];

    [Fact]
    public void DomainSources_UseNoNonDeterministicApis()
    {
        string root = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "src", "SweepDomain"));
        var violations =
            from file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            let relative = Path.GetRelativePath(root, file).Replace('\\', '/')
            where !relative.StartsWith("obj/") && !relative.StartsWith("bin/")
            from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
            where !line.text.TrimStart().StartsWith("//")
            from rule in Forbidden
            where Regex.IsMatch(line.text, rule.Pattern)
            select $"{relative}:{line.number}: {line.text.Trim()} ({rule.Why})";

        Assert.Empty(violations);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
