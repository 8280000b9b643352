using System.Text.RegularExpressions;
using SweepFunctions.Storage;

namespace SweepFunctions.Launch;

/// <summary>
/// The blob names a request may give as its <c>base</c>: a file in a sweep's folder (<c>{sweep id}/{file}</c>, or in its
/// <c>stages/</c> or <c>outcomes/</c>), or in the schedules folder (<c>schedules/{file}</c>). Folder and file names are
/// letters, digits, <c>-</c> and <c>_</c>, with single dots inside a file name only, and the file is JSON or YAML. Nothing
/// else is read: no <c>..</c> or <c>.</c> segment, leading <c>/</c>, <c>\</c>, percent-encoding or other character that a
/// URL could resolve outside the results container, whose account also holds the host's secrets and the task hub.
/// </summary>
public static partial class BaseBlobName
{
    public const int MaxLength = 300;

    /// <summary>The grammar; the folder is group <c>folder</c>.</summary>
    [GeneratedRegex(@"^(?<folder>[A-Za-z0-9_-]{1,100})/(?:(?:stages|outcomes)/)?[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:json|ya?ml)$")]
    private static partial Regex Grammar();

    /// <summary>The folder <paramref name="name"/> lies in (a sweep id or <see cref="SweepBlobs.SchedulesFolder"/>), or null when the name is not one a base may have.</summary>
    public static string? FolderOf(string name)
    {
        if (name.Length > MaxLength || Grammar().Match(name) is not { Success: true } match)
        {
            return null;
        }

        string folder = match.Groups["folder"].Value;
        bool inSchedules = string.Equals(folder, SweepBlobs.SchedulesFolder, StringComparison.Ordinal);
        return inSchedules && name.Count(c => c == '/') > 1 ? null : folder;
    }

    public static bool IsScheduleFolder(string folder) => string.Equals(folder, SweepBlobs.SchedulesFolder, StringComparison.Ordinal);

    public static string Explain(string name) =>
        $"Base '{Quote(name)}' is not a blob name a base is read from. Name a file in a sweep's folder (\"<sweep id>/<file>.json\", " +
        "or in its stages/ or outcomes/) or in the schedules folder (\"schedules/<file>.json\"), in letters, digits, '-' and '_', " +
        "with single dots in the file name only: no '..', no leading '/', no '\\', no percent-encoding.";

    private static string Quote(string name) => name.Length <= 120 ? name : name[..120] + $"... ({name.Length} characters)";
}
