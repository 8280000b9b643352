namespace BamModel;

/// <summary>
/// A parameter override the model cannot run with: an unknown or reserved name, a wrong type, or a value outside
/// the valid range (bam-model §1.7). The message names the parameter, the value and the valid range.
/// </summary>
public sealed class ParameterException : ArgumentException
{
    public ParameterException(string parameterName, string value, string validRange, string message)
        : base(message)
    {
        ParameterName = parameterName;
        Value = value;
        ValidRange = validRange;
    }

    /// <summary>The offending parameter name, as given.</summary>
    public string ParameterName { get; }

    /// <summary>The offending value, as text.</summary>
    public string Value { get; }

    /// <summary>The valid range (or the valid names, for an unknown name), as text.</summary>
    public string ValidRange { get; }

    /// <inheritdoc />
    public override string ParamName => ParameterName;
}
