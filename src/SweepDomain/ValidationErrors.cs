namespace SweepDomain;

/// <summary>
/// Every problem found in one request, grouped by the field it concerns (for example <c>stages[1]</c> or
/// <c>periods</c>). Validation collects them all instead of stopping at the first, so a user fixes a request once.
/// </summary>
public sealed class ValidationErrors
{
    private readonly List<KeyValuePair<string, List<string>>> _byField = [];

    public bool IsEmpty => _byField.Count == 0;

    public int Count => _byField.Sum(f => f.Value.Count);

    public void Add(string field, string message)
    {
        var entry = _byField.Find(f => f.Key == field);
        if (entry.Value is null)
        {
            _byField.Add(KeyValuePair.Create(field, new List<string> { message }));
        }
        else
        {
            entry.Value.Add(message);
        }
    }

    public void AddRange(ValidationErrors other)
    {
        foreach (var (field, messages) in other._byField)
        {
            messages.ForEach(m => Add(field, m));
        }
    }

    /// <summary>Field to messages, in the order the fields were first reported.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _byField.ToDictionary(f => f.Key, f => f.Value.ToArray());

    /// <summary>All messages, one per line, each prefixed by its field.</summary>
    public IEnumerable<string> Lines() => _byField.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"));

    public override string ToString() => string.Join(Environment.NewLine, Lines());
}

/// <summary>Thrown when input is invalid; carries every problem found.</summary>
public sealed class InvalidSweepInputException(ValidationErrors errors)
    : Exception("The sweep input is invalid:" + Environment.NewLine + errors)
{
    public ValidationErrors Errors { get; } = errors;
}
