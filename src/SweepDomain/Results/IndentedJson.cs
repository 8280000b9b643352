using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SweepDomain.Results;

/// <summary>
/// A small JSON text writer that lays out like Python's <c>json.dump(indent=2)</c>: two-space indentation, one member
/// or element per line, <c>": "</c> after names, <c>[]</c>/<c>{}</c> when empty. Numbers are written as given, so a
/// float keeps its decimal point (<c>1.0</c>), which <see cref="Utf8JsonWriter"/> cannot do inside indented arrays.
/// </summary>
internal sealed class IndentedJson
{
    private readonly StringBuilder _text = new();
    private readonly Stack<int> _counts = new();

    public void StartObject(string? name = null) => Open(name, '{');

    public void EndObject() => Close('}');

    public void StartArray(string? name = null) => Open(name, '[');

    public void EndArray() => Close(']');

    public void Raw(string? name, string json)
    {
        Prefix(name);
        _text.Append(json);
    }

    public void String(string? name, string value) => Raw(name, Quote(value));

    public void Null(string? name) => Raw(name, "null");

    public override string ToString() => _text.ToString();

    public static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void Open(string? name, char bracket)
    {
        Prefix(name);
        _text.Append(bracket);
        _counts.Push(0);
    }

    private void Close(char bracket)
    {
        if (_counts.Pop() > 0)
        {
            NewLine();
        }

        _text.Append(bracket);
    }

    private void Prefix(string? name)
    {
        if (_counts.Count > 0)
        {
            int count = _counts.Pop();
            _text.Append(count > 0 ? "," : "");
            _counts.Push(count + 1);
            NewLine();
        }

        if (name is not null)
        {
            _text.Append(Quote(name)).Append(": ");
        }
    }

    private void NewLine() => _text.Append('\n').Append(' ', 2 * _counts.Count);
}
