using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SweepHosting.Dashboard;

/// <summary>
/// Writes the sweep pages: one self-contained HTML document (the template <c>Page/sweep-page.html</c> with its style
/// and script inlined) that draws everything from the JSON data object embedded in it. The CLI writes it to disk beside
/// a sweep's results, and the Functions app serves it; both call this one renderer with the same template.
/// Nothing in a page is fetched from elsewhere: no CDN, font or image. Its Content-Security-Policy allows exactly the
/// inline style and script by hash, and network reads only from the page's own origin. The script is kept in parts by
/// concern (<c>Page/*.js</c>: helpers, the page's data, each chart, the layout, the live refresh), which the build joins
/// in the order <c>SweepHosting.csproj</c> declares into the one embedded script this renderer inlines.
/// </summary>
public static partial class SweepPage
{
    public const string ContentType = "text/html; charset=utf-8";

    private static readonly string Template = Resource("sweep-page.html");
    private static readonly string Style = Resource("sweep-page.css");
    /// <summary>The embedded resource that holds the page's script, its parts joined at build time.</summary>
    public const string ScriptResource = "sweep-page.bundle.js";

    /// <summary>The most characters the assembled script may have (a test holds it to this budget).</summary>
    public const int ScriptBudget = 80_000;

    /// <summary>The page's script, as every page inlines it.</summary>
    public static readonly string Script = Resource(ScriptResource);

    /// <summary>The Content-Security-Policy of every page, also sent as a header by the app.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Style)}'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'";

    /// <summary>One sweep's page.</summary>
    public static string Render(SweepPageData data)
    {
        string id = data.Status?.Id ?? "";
        string scenario = data.Status?.Scenario ?? ScenarioOf(data.ReportJson) ?? "";
        string title = id.Length > 0 ? $"Sweep {id}" + (scenario.Length > 0 ? $" ({scenario})" : "") : $"{scenario} sweep".Trim();
        return Render(title, data.ToJson());
    }

    /// <summary>The page of recent sweeps.</summary>
    public static string RenderList(SweepListPageData data) => Render("Recent sweeps", data.ToJson());

    /// <summary>A page that says something in words: a sweep that does not exist, a bad filter.</summary>
    public static string RenderMessage(MessagePageData data) => Render(data.Title, data.ToJson());

    /// <summary>
    /// The template filled in, in one pass (so no filled-in text is read as a placeholder): the policy and the title
    /// HTML-escaped, the style, the data and the script.
    /// </summary>
    public static string Render(string title, JsonObject data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["csp"] = WebUtility.HtmlEncode(ContentSecurityPolicy),
            ["title"] = WebUtility.HtmlEncode(title),
            ["style"] = Style,
            ["script"] = Script,
            ["data"] = EmbeddedJson(data),
        };
        return Placeholder().Replace(Template, m => values[m.Groups[1].Value]);
    }

    [GeneratedRegex(@"\{\{(csp|title|style|script|data)\}\}")]
    private static partial Regex Placeholder();

    /// <summary>
    /// The data as JSON that is safe inside a <c>&lt;script type="application/json"&gt;</c> element: every <c>&lt;</c>
    /// is written as <c>\u003c</c> (JSON has it only inside strings, where the escape means the same character), so no
    /// text in the data, a label or a failure message say, can close the element or open a comment.
    /// </summary>
    public static string EmbeddedJson(JsonNode data) =>
        data.ToJsonString(EmbeddingOptions).Replace("<", "\\u003c", StringComparison.Ordinal);

    /// <summary>Readable text (no escapes for quotes, plus signs or accents); the one character that matters is escaped above.</summary>
    private static readonly JsonSerializerOptions EmbeddingOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The data object a page embeds, read back (for tests and tools).</summary>
    public static JsonNode? DataOf(string html)
    {
        const string open = "<script type=\"application/json\" id=\"sweep-data\">";
        int start = html.IndexOf(open, StringComparison.Ordinal);
        int end = start < 0 ? -1 : html.IndexOf("</script>", start, StringComparison.Ordinal);
        return start < 0 || end < 0 ? null : JsonNode.Parse(html[(start + open.Length)..end]);
    }

    private static string? ScenarioOf(string? reportJson)
    {
        if (reportJson is null)
        {
            return null;
        }

        using var report = JsonDocument.Parse(reportJson);
        return report.RootElement.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
    }

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static string Resource(string name)
    {
        using var stream = typeof(SweepPage).Assembly.GetManifestResourceStream($"SweepHosting.Dashboard.{name}")
            ?? throw new InvalidOperationException($"The page resource '{name}' is missing from {typeof(SweepPage).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
