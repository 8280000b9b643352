using Xunit.Abstractions;

namespace SweepDomain.Tests.DocumentReferences;

/// <summary>Every <c>§N</c> in the repository names a heading of a document in the repository.</summary>
public class DocumentReferenceTests(ITestOutputHelper output)
{
    /// <summary>The folders scanned, relative to the repository root, and the top-level files.</summary>
    private static readonly string[] ScannedFolders = ["src", "tests", "bench", "docs"];
    private static readonly string[] ScannedFiles = ["README.md"];
    private static readonly string[] ScannedExtensions = [".cs", ".md"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    /// <summary>This folder: its sources quote broken references on purpose, as examples and test input.</summary>
    private const string CheckerFolder = "tests/SweepDomain.Tests/DocumentReferences/";

    [Fact]
    public void SectionReferences_InTheRepository_AllNameAnExistingHeading()
    {
        string root = RepositoryRoot();
        var checker = new DocumentReferenceChecker(CitedDocuments.Files, file =>
        {
            string path = Path.Combine(root, file);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });

        var files = SourceFiles(root)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith(CheckerFolder, StringComparison.Ordinal))
            .ToList();
        foreach (string file in files)
        {
            checker.Check(file, File.ReadAllText(Path.Combine(root, file)));
        }

        var references = checker.References;
        output.WriteLine($"{references.Count} section references in {references.Select(r => r.File).Distinct().Count()} of " +
                         $"{files.Count} files scanned; {references.Count - checker.Problems.Count} resolve.");
        foreach (var group in references.GroupBy(r => r.File.Split('/')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  in {group.Key}: {group.Count()}");
        }

        foreach (var group in references.GroupBy(r => r.How).OrderBy(g => g.Key))
        {
            output.WriteLine($"  attributed {group.Key}: {group.Count()}");
        }

        foreach (var group in references.GroupBy(r => r.Document ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  to {group.Key}: {group.Count()}");
        }

        Assert.True(checker.Problems.Count == 0,
            $"{checker.Problems.Count} section references do not resolve:\n" + string.Join('\n', checker.Problems));
        Assert.True(references.Count > 200, $"Only {references.Count} references found; is the scan looking in the right place?");
    }

    [Fact]
    public void Check_GoodAndBrokenReferences_ReportsOnlyTheBrokenOnes()
    {
        var checker = Checker();

        checker.Check("src/Example.cs", """
            /// <summary>Burn-in (validation.md §6.2), scored as in §6.3.</summary>
            /// <summary>Not there: validation.md §6.9 and §14, nor sweep-semantics §3.</summary>
            """);

        Assert.Equal(
            [
                "src/Example.cs:2: validation.md §6.9: docs/validation.md has no heading numbered 6.9",
                "src/Example.cs:2: §14: docs/validation.md has no heading numbered 14 (read as docs/validation.md §14: same sentence)",
                "src/Example.cs:2: sweep-semantics §3: docs/sweep-semantics.md does not exist",
            ],
            checker.Problems.Select(p => p.ToString()));
        Assert.Equal(5, checker.References.Count);
    }

    [Fact]
    public void Find_BareReferences_FollowTheSentenceThenTheFile()
    {
        var references = Checker().Find("src/Example.cs", """
            /// <summary>Parses stages (sweep-semantics §1.1) and rejects the odd inputs of
            /// the table in §1.2. Tiers follow §3.3; see bam-model §1.7 and §3, and book §3.9.1.</summary>
            """);

        Assert.Equal(
            [
                "sweep-semantics §1.1 Named docs/sweep-semantics.md §1.1",
                "§1.2 SameSentence docs/sweep-semantics.md §1.2",
                "§3.3 SameFile docs/sweep-semantics.md §3.3",
                "bam-model §1.7 Named docs/bam-model.md §1.7",
                "§3 SameSentence docs/bam-model.md §3",
            ],
            references.Select(r => $"{r.Text} {r.How} {r.Reading}"));
    }

    [Fact]
    public void Check_BareReferenceWithNoDocumentBeforeIt_IsReported()
    {
        var checker = Checker();

        checker.Check("src/Example.cs", "// Inflation over the full series (§13 item 1).\n");
        checker.Check("README.md", "The trimmed mean (§6).\n");

        Assert.Equal(
            [
                "src/Example.cs:1: §13: no document named before §13 in this sentence; write the document's name before it " +
                "(bam-model.md, validation.md, sweep-semantics.md, decisions.md, DECISIONS.md)",
                "README.md:1: §6: no document named before §6 in this sentence; write the document's name before it " +
                "(bam-model.md, validation.md, sweep-semantics.md, decisions.md, DECISIONS.md)",
            ],
            checker.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Check_BareReferenceInACitedDocument_NamesItsOwnSection()
    {
        var checker = Checker();

        checker.Check("docs/validation.md", """
            ## 6. Single-run validation

            The burn-in rule (§6.2) and §7. The tiers (sweep-semantics.md §3.3 and §7) differ.
            """);

        Assert.Equal(
            [
                "docs/validation.md:3: §7: docs/validation.md has no heading numbered 7 (read as docs/validation.md §7: this document's own section)",
                "docs/validation.md:3: sweep-semantics.md §3.3: docs/sweep-semantics.md does not exist",
                "docs/validation.md:3: §7: docs/sweep-semantics.md does not exist (read as docs/sweep-semantics.md §7: same sentence)",
            ],
            checker.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void HeadingNumbers_NumberedHeadingsOutsideCodeFences()
    {
        var numbers = DocumentReferenceChecker.HeadingNumbers("""
            # Title
            ## 3. Per-stage algorithm
            ### 3.3 Tiered stability
            #### #1 `firms_decide_desired_production`
            ```
            # 4. not a heading
            ```
            ## 14. Speed
            """);

        Assert.Equal(["14", "3", "3.3"], numbers.Order(StringComparer.Ordinal));
    }

    /// <summary>A checker over the real document names, with <c>docs/validation.md</c> the only existing file.</summary>
    private static DocumentReferenceChecker Checker() => new(CitedDocuments.Files, file => file == "docs/validation.md"
        ? """
          # Validation
          ## 6. Single-run validation
          ### 6.2 Burn-in
          ### 6.3 Steps
          """
        : null);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweepFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SweepFunctions.sln above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<string> SourceFiles(string root)
    {
        foreach (string folder in ScannedFolders)
        {
            foreach (string file in FilesUnder(Path.Combine(root, folder)))
            {
                yield return file;
            }
        }

        foreach (string file in ScannedFiles)
        {
            yield return Path.Combine(root, file);
        }
    }

    private static IEnumerable<string> FilesUnder(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (ScannedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                yield return file;
            }
        }

        foreach (string sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(sub);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                foreach (string file in FilesUnder(sub))
                {
                    yield return file;
                }
            }
        }
    }
}
