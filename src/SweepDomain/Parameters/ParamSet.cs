using System.Collections;
using System.Text;
using System.Text.Json.Serialization;

namespace SweepDomain.Parameters;

/// <summary>
/// An immutable parameter map, name to value, that keeps insertion order (sweep-semantics §0). Two sets are
/// equal when they hold the same entries in the same order.
/// </summary>
[JsonConverter(typeof(ParamSetJsonConverter))]
public sealed class ParamSet : IReadOnlyList<KeyValuePair<string, ParamValue>>, IEquatable<ParamSet>
{
    private readonly KeyValuePair<string, ParamValue>[] _entries;

    public static readonly ParamSet Empty = new([]);

    private ParamSet(KeyValuePair<string, ParamValue>[] entries) => _entries = entries;

    /// <summary>Builds a set from entries in order; a repeated name is an error.</summary>
    public static ParamSet From(IEnumerable<KeyValuePair<string, ParamValue>> entries)
    {
        var list = new List<KeyValuePair<string, ParamValue>>();
        foreach (var entry in entries)
        {
            if (list.Exists(e => e.Key == entry.Key))
            {
                throw new ArgumentException($"Parameter '{entry.Key}' appears twice.", nameof(entries));
            }

            list.Add(entry);
        }

        return new ParamSet([.. list]);
    }

    public static ParamSet Of(params (string Name, ParamValue Value)[] entries) =>
        From(entries.Select(e => KeyValuePair.Create(e.Name, e.Value)));

    public int Count => _entries.Length;

    public KeyValuePair<string, ParamValue> this[int index] => _entries[index];

    public IEnumerable<string> Names => _entries.Select(e => e.Key);

    public bool Contains(string name) => IndexOf(name) >= 0;

    public bool TryGet(string name, out ParamValue value)
    {
        int i = IndexOf(name);
        value = i >= 0 ? _entries[i].Value : default;
        return i >= 0;
    }

    /// <summary>A copy with <paramref name="name"/> set: replaced in place when present, appended otherwise.</summary>
    public ParamSet With(string name, ParamValue value)
    {
        int i = IndexOf(name);
        var copy = i >= 0 ? (KeyValuePair<string, ParamValue>[])_entries.Clone() : [.. _entries, default];
        copy[i >= 0 ? i : copy.Length - 1] = KeyValuePair.Create(name, value);
        return new ParamSet(copy);
    }

    /// <summary>A copy with every entry of <paramref name="other"/> applied in its order (later wins).</summary>
    public ParamSet WithAll(IEnumerable<KeyValuePair<string, ParamValue>> other)
    {
        ParamSet result = this;
        foreach (var (name, value) in other)
        {
            result = result.With(name, value);
        }

        return result;
    }

    /// <summary>A copy without the named entries; the others keep their order.</summary>
    public ParamSet Without(IEnumerable<string> names)
    {
        var drop = names.ToHashSet(StringComparer.Ordinal);
        return new ParamSet(_entries.Where(e => !drop.Contains(e.Key)).ToArray());
    }

    public IEnumerator<KeyValuePair<string, ParamValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, ParamValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ParamSet? other) => other is not null && _entries.AsSpan().SequenceEqual(other._entries);

    public override bool Equals(object? obj) => Equals(obj as ParamSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries)
        {
            hash.Add(entry.Key);
            hash.Add(entry.Value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compact text such as <c>{beta: 1.0, max_M: 2}</c>, for messages and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < _entries.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(_entries[i].Key).Append(": ").Append(_entries[i].Value);
        }

        return text.Append('}').ToString();
    }

    private int IndexOf(string name) => Array.FindIndex(_entries, e => e.Key == name);
}
