using System.Text;

namespace SweepLibrary.Output;

/// <summary>
/// The folder results go to. Every file is written to a temporary file in the same folder and then moved over the
/// target, so a reader (or a crash) never sees half a file.
/// </summary>
public sealed class OutputFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The folder at <paramref name="path"/>, relative to the current directory or absolute.</summary>
    public OutputFolder(string path)
    {
        Given = path;
        FullPath = Path.GetFullPath(path);
    }

    /// <summary>The folder as the user wrote it (relative paths stay relative), for hints to copy.</summary>
    public string Given { get; }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>Null when the folder can be created or used; else a sentence naming the problem.</summary>
    public string? Problem() =>
        File.Exists(FullPath) ? $"'{FullPath}' is a file, not a folder." : null;

    /// <summary>Creates the folder if it is missing.</summary>
    public void Create() => Directory.CreateDirectory(FullPath);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark; returns the file's full path.</summary>
    public string WriteText(string fileName, string text) => WriteBytes(fileName, Utf8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> through a temporary file; returns the file's full path.</summary>
    public string WriteBytes(string fileName, byte[] bytes)
    {
        string target = Path.Combine(FullPath, fileName);
        string temp = Path.Combine(FullPath, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return target;
    }
}
