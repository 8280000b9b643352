using System.Text.RegularExpressions;

namespace SweepDomain.Tests.DocumentReferences;

/// <summary>The documents that code and docs cite as <c>name §N</c>, and the file each spelling names.</summary>
public static class CitedDocuments
{
    /// <summary>Every spelling of a cited document, mapped to its file relative to the repository root.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bam-model"] = "docs/bam-model.md",
        ["bam-model.md"] = "docs/bam-model.md",
        ["validation"] = "docs/validation.md",
        ["validation.md"] = "docs/validation.md",
        ["sweep-semantics"] = "docs/sweep-semantics.md",
        ["sweep-semantics.md"] = "docs/sweep-semantics.md",
        ["decisions.md"] = "docs/decisions.md",
        ["DECISIONS.md"] = "src/BamModel/DECISIONS.md",
    };
}

/// <summary>How a reference got its document.</summary>
public enum Attribution
{
    /// <summary>The document is named right before the §: <c>validation.md §6.2</c>.</summary>
    Named,

    /// <summary>A bare §N after a named reference in the same sentence: the <c>§3</c> of <c>bam-model §1.7 and §3</c>.</summary>
    SameSentence,

    /// <summary>A bare §N in a source file, after the document named last before it in that file.</summary>
    SameFile,

    /// <summary>A bare §N in a cited Markdown document, with no other document named before it in the sentence.</summary>
    ThisDocument,

    /// <summary>A bare §N the rules cannot attribute: always reported.</summary>
    None,
}

/// <summary>One <c>§N</c> found in a file: where it is, what it says, and the document it is read against.</summary>
public sealed record SectionReference(string File, int Line, string Text, string Section, string? Document, Attribution How)
{
    /// <summary>The reference as the checker reads it, e.g. <c>docs/validation.md §6.2</c>.</summary>
    public string Reading => Document is null ? $"§{Section}" : $"{Document} §{Section}";
}

/// <summary>A reference that does not resolve: file, line, the reference text and why.</summary>
public sealed record ReferenceProblem(string File, int Line, string Text, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Text}: {Reason}";
}

/// <summary>
/// Finds section references (<c>§N</c>) in text and checks that each names a numbered heading of its document.
/// <list type="bullet">
/// <item>A document name of <see cref="CitedDocuments.Files"/> (optionally with a path and a closing backtick)
/// right before the § names the document: <c>bam-model §1.7</c>, <c>`src/BamModel/DECISIONS.md` §14</c>.</item>
/// <item>A bare §N belongs to the document named last before it in the same sentence
/// (<c>bam-model §1.7 and §3</c>, <c>sweep-semantics §3.3, §9 item 4</c>).</item>
/// <item>Otherwise, in a source file, to the document named last before it in that file (a file's summary names
/// the document once, later comments cite its sections bare); in a cited Markdown document, to that document
/// itself; anywhere else it is reported.</item>
/// <item><c>book §N</c> cites Delli Gatti et al. (2011), the book the model comes from, and is not checked.
/// Nothing else is exempt.</item>
/// </list>
/// A § followed by anything but a number (a placeholder such as <c>§N</c>) is not a reference. A heading is
/// numbered when it reads <c>## 3. Title</c> or <c>### 3.3 Title</c> (outside code fences).
/// </summary>
public sealed partial class DocumentReferenceChecker
{
    private readonly IReadOnlyDictionary<string, string> _documents;
    private readonly Func<string, string?> _readFile;
    private readonly Regex _named;
    private readonly Dictionary<string, IReadOnlySet<string>?> _headings = new(StringComparer.Ordinal);
    private readonly List<SectionReference> _references = [];
    private readonly List<ReferenceProblem> _problems = [];

    /// <param name="documents">Document spelling → file, as <see cref="CitedDocuments.Files"/>.</param>
    /// <param name="readFile">The text of a file relative to the repository root, or null when it does not exist.</param>
    public DocumentReferenceChecker(IReadOnlyDictionary<string, string> documents, Func<string, string?> readFile)
    {
        _documents = documents;
        _readFile = readFile;
        string names = string.Join('|', documents.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        _named = new Regex($@"(?<![\w.-])(?:[\w.-]+/)*(?<name>{names})(?![\w-])`?[ \t]*(?=§)", RegexOptions.CultureInvariant);
    }

    public IReadOnlyList<SectionReference> References => _references;

    public IReadOnlyList<ReferenceProblem> Problems => _problems;

    /// <summary>Finds the references in <paramref name="text"/>, the content of <paramref name="file"/>, and checks each.</summary>
    public void Check(string file, string text)
    {
        foreach (var reference in Find(file, text))
        {
            _references.Add(reference);
            string? reason = Resolve(reference);
            if (reason is not null)
            {
                _problems.Add(new ReferenceProblem(reference.File, reference.Line, reference.Text, reason));
            }
        }
    }

    /// <summary>The references of one file, in order, each with the document it is read against.</summary>
    public IReadOnlyList<SectionReference> Find(string file, string text)
    {
        var namedAt = new Dictionary<int, (string Document, string Text)>();
        foreach (Match m in _named.Matches(text))
        {
            namedAt[m.Index + m.Length] = (_documents[m.Groups["name"].Value], m.Value.Replace("`", "", StringComparison.Ordinal));
        }

        bool markdown = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        string? self = _documents.Values.Contains(file, StringComparer.Ordinal) ? file : null;
        var boundaries = (markdown ? MarkdownSentenceEnd() : SentenceEnd()).Matches(text).Select(m => m.Index).ToArray();
        var lineStarts = LineStarts(text);
        var found = new List<SectionReference>();
        (int At, string Document)? last = null;
        foreach (Match sign in Sign().Matches(text))
        {
            int at = sign.Index;
            int line = LineOf(lineStarts, at);
            if (BookCitation().IsMatch(text.AsSpan(Math.Max(0, at - 16), Math.Min(at, 16))))
            {
                continue;
            }

            string section = sign.Groups["section"].Value;
            if (namedAt.TryGetValue(at, out var named))
            {
                last = (at, named.Document);
                found.Add(new SectionReference(file, line, $"{named.Text}{sign.Value}", section, named.Document, Attribution.Named));
                continue;
            }

            bool sameSentence = last is { } l && !boundaries.Any(b => b > l.At && b < at);
            var (document, how) = (sameSentence, markdown) switch
            {
                (true, _) => (last!.Value.Document, Attribution.SameSentence),
                (false, false) when last is not null => (last.Value.Document, Attribution.SameFile),
                (false, true) when self is not null => (self, Attribution.ThisDocument),
                _ => ((string?)null, Attribution.None),
            };
            found.Add(new SectionReference(file, line, sign.Value, section, document, how));
        }

        return found;
    }

    /// <summary>The section numbers of the numbered headings of a Markdown text (<c>3</c>, <c>3.3</c>).</summary>
    public static IReadOnlySet<string> HeadingNumbers(string markdown)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && NumberedHeading().Match(line) is { Success: true } m)
            {
                numbers.Add(m.Groups["section"].Value);
            }
        }

        return numbers;
    }

    /// <summary>Null when the reference names an existing heading, else why not.</summary>
    private string? Resolve(SectionReference reference)
    {
        if (reference.Document is null)
        {
            return $"no document named before §{reference.Section} in this sentence; write the document's name before it " +
                   $"({string.Join(", ", _documents.Keys.Where(k => k.EndsWith(".md", StringComparison.Ordinal)))})";
        }

        if (!_headings.TryGetValue(reference.Document, out var headings))
        {
            string? content = _readFile(reference.Document);
            headings = content is null ? null : HeadingNumbers(content);
            _headings[reference.Document] = headings;
        }

        string read = reference.How == Attribution.Named ? "" : $" (read as {reference.Reading}: {Describe(reference.How)})";
        if (headings is null)
        {
            return $"{reference.Document} does not exist{read}";
        }

        return headings.Contains(reference.Section) ? null : $"{reference.Document} has no heading numbered {reference.Section}{read}";
    }

    private static string Describe(Attribution how) => how switch
    {
        Attribution.SameSentence => "same sentence",
        Attribution.SameFile => "the document named last before it in this file",
        Attribution.ThisDocument => "this document's own section",
        _ => how.ToString(),
    };

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static int LineOf(int[] lineStarts, int index)
    {
        int i = Array.BinarySearch(lineStarts, index);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    /// <summary>A § and its section number: <c>§3</c>, <c>§3.3</c>, <c>§10.1</c>. A § before anything else (<c>§N</c>) is no reference.</summary>
    [GeneratedRegex(@"§[ \t]?(?<section>\d+(?:\.\d+)*)")]
    private static partial Regex Sign();

    /// <summary>Text that ends with <c>book </c>, so that the § after it cites the book.</summary>
    [GeneratedRegex(@"(?<![\w-])book[ \t]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BookCitation();

    /// <summary>The end of a sentence in a source file: a full stop, ! or ? before white space, or a blank line.</summary>
    [GeneratedRegex(@"[.!?](?=\s)|\n[ \t]*(?://+|\*)?[ \t]*\n")]
    private static partial Regex SentenceEnd();

    /// <summary>In Markdown also: a table cell border, and a new list item, table row, heading or quote.</summary>
    [GeneratedRegex(@"[.!?](?=\s)|\n[ \t]*\n|\||\n(?=[ \t]*(?:[-*+>#]|\d+\.)[ \t])")]
    private static partial Regex MarkdownSentenceEnd();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<section>\d+(?:\.\d+)*)\.?(?:[ \t]|$)")]
    private static partial Regex NumberedHeading();
}
