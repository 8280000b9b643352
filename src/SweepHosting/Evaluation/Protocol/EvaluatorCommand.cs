namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// The command that starts one worker, split like a shell splits words (spaces separate, single or double quotes
/// group, a backslash escapes the next character), but run without a shell, so the worker's pid is the model's own.
/// </summary>
public sealed record EvaluatorCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static EvaluatorCommand Parse(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote != '\0')
        {
            throw new FormatException($"The evaluator command has an unclosed {quote} quote: {text}");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.Count == 0
            ? throw new FormatException("The evaluator command is empty.")
            : new EvaluatorCommand(words[0], words.Skip(1).ToList());
    }

    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Contains(' ') ? $"'{a}'" : a));
}
