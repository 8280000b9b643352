using ScottPlot;
using SkiaSharp;
using SweepDomain.Parameters;
using SweepDomain.Sweep;

namespace SweepLibrary.Output;

/// <summary>
/// A PNG per stage of what each parameter does (<see cref="ParameterEffects"/>): the importance ranking, the heatmap of
/// the two most important parameters, and a slice plot per parameter (every candidate's screening score against its
/// value, with the mean and 95 % interval of those that reached a tier, at the last tier they reached). Panels of
/// <see cref="PanelWidth"/> x <see cref="PanelHeight"/> pixels, two to a row; each panel's title wraps to fit it
/// (<see cref="ChartTitle"/>).
/// </summary>
public static class EffectsChart
{
    /// <summary>Width of one panel, in pixels.</summary>
    public const int PanelWidth = 620;

    /// <summary>Height of one panel, in pixels.</summary>
    public const int PanelHeight = 420;

    /// <summary>Panels per row.</summary>
    public const int Columns = 2;

    /// <summary>At most this many slice plots, for the most important parameters.</summary>
    public const int MaxSlices = 8;

    /// <summary>The stage's effects chart as PNG bytes; the stage must carry <see cref="StageOutcome.Effects"/>.</summary>
    public static byte[] RenderPng(string scenario, StageOutcome outcome)
    {
        return Compose(Panels(scenario, outcome).Select(p => p.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png)).ToList());
    }

    /// <summary>The panels' plots, in order: importance, the heatmap when there is one, then the slices.</summary>
    internal static IReadOnlyList<Plot> Panels(string scenario, StageOutcome outcome)
    {
        var effects = outcome.Effects ?? throw new ArgumentException("The stage has no parameter effects.", nameof(outcome));
        var panels = new List<Plot> { Importance(scenario, outcome.Result.Label, effects) };
        if (effects.Heatmap is { } map)
        {
            panels.Add(Heatmap(map));
        }

        panels.AddRange(effects.Importance.Take(MaxSlices).Select(i => Slice(outcome, i)));
        return panels;
    }

    private static Plot Importance(string scenario, string label, ParameterEffects effects)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(effects.Importance.Select(i => i.Share).ToArray());
        bars.Color = Colors.SteelBlue;
        var floor = plot.Add.Markers(Enumerable.Range(0, effects.Importance.Count).Select(i => (double)i).ToArray(),
            effects.Importance.Select(i => i.NoiseFloor).ToArray(), MarkerShape.HorizontalBar, 30, Colors.DarkOrange);
        floor.LegendText = "noise floor";
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, effects.Importance.Count).Select(i => (double)i).ToArray(), effects.Importance.Select(i => i.Name).ToArray());
        plot.Axes.SetLimitsY(0, 1);
        plot.YLabel("first-order variance share (binned ANOVA)");
        plot.XLabel($"{effects.Candidates} candidates, screening scores");
        plot.ShowLegend(Alignment.UpperRight);
        ChartTitle.Set(plot, $"{scenario}, stage {label}: importance (estimate)", PanelWidth, PanelHeight);
        return plot;
    }

    private static Plot Heatmap(EffectHeatmap map)
    {
        var plot = new Plot();
        var cells = new double[map.YLabels.Count, map.XLabels.Count];
        for (int y = 0; y < map.YLabels.Count; y++)
        {
            for (int x = 0; x < map.XLabels.Count; x++)
            {
                cells[map.YLabels.Count - 1 - y, x] = map.Means[y][x] ?? double.NaN;   // row 0 is drawn at the top
            }
        }

        var heat = plot.Add.Heatmap(cells);
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        heat.Rectangle = new CoordinateRect(-0.5, map.XLabels.Count - 0.5, -0.5, map.YLabels.Count - 0.5);
        plot.Add.ColorBar(heat);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, map.XLabels.Count).Select(i => (double)i).ToArray(), map.XLabels.ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, map.YLabels.Count).Select(i => (double)i).ToArray(), map.YLabels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 30 + 5.5f * map.XLabels.Max(l => l.Length);
        plot.XLabel(map.X);
        plot.YLabel(map.Y);
        ChartTitle.Set(plot, "mean screening score", PanelWidth, PanelHeight);
        return plot;
    }

    private static Plot Slice(StageOutcome outcome, ParameterImportance importance)
    {
        string name = importance.Name;
        var plot = new Plot();
        var withValue = outcome.Candidates.Where(c => c.Params.TryGet(name, out _)).ToList();
        var values = withValue.Select(c => { c.Params.TryGet(name, out var v); return v; }).ToList();
        var categories = values.Where(v => !v.IsNumber).Select(v => v.ToString()).Distinct().ToList();
        double X(ParamValue v) => v.IsNumber ? v.AsDouble : categories.IndexOf(v.ToString());
        var xs = values.Select(X).ToArray();

        var screened = plot.Add.Markers(xs, withValue.Select(c => c.ScreeningScore).ToArray(), MarkerShape.FilledCircle, 4, Colors.Gray.WithAlpha(0.6));
        screened.LegendText = "screening score";
        var tiered = withValue.Select((c, i) => (c, x: xs[i])).Where(p => p.c.ByTier is { Count: > 1 } && p.c.ByTier[^1].CiHigh is not null).ToList();
        if (tiered.Count > 0)
        {
            var bars = plot.Add.ErrorBar(tiered.Select(p => p.x).ToArray(), tiered.Select(p => p.c.ByTier![^1].Mean).ToArray(),
                tiered.Select(p => p.c.ByTier![^1].CiHigh!.Value - p.c.ByTier![^1].Mean).ToArray());
            bars.Color = Colors.SteelBlue;
            var means = plot.Add.Markers(tiered.Select(p => p.x).ToArray(), tiered.Select(p => p.c.ByTier![^1].Mean).ToArray(), MarkerShape.FilledCircle, 7, Colors.SteelBlue);
            means.LegendText = "tier mean ± 95% CI";
        }

        if (withValue.FirstOrDefault(c => c.Params.Equals(outcome.Result.WinnerParams)) is { } winner && winner.Params.TryGet(name, out var w))
        {
            var mark = plot.Add.Marker(X(w), winner.Mean, MarkerShape.OpenCircle, 18, Colors.Red);
            mark.MarkerLineWidth = 2;
            mark.LegendText = "winner";
        }

        if (categories.Count > 0)
        {
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
        }

        plot.XLabel(name);
        plot.YLabel("score");
        plot.ShowLegend(Alignment.LowerRight);
        ChartTitle.Set(plot, $"{name}: variance share {importance.Share:F2} (noise floor {importance.NoiseFloor:F2})", PanelWidth, PanelHeight);
        return plot;
    }

    /// <summary>The panels on a white sheet, <see cref="Columns"/> to a row.</summary>
    private static byte[] Compose(IReadOnlyList<byte[]> panels)
    {
        int rows = (panels.Count + Columns - 1) / Columns;
        using var sheet = new SKBitmap(PanelWidth * Columns, PanelHeight * rows);
        using (var canvas = new SKCanvas(sheet))
        {
            canvas.Clear(SKColors.White);
            for (int i = 0; i < panels.Count; i++)
            {
                using var panel = SKBitmap.Decode(panels[i]);
                canvas.DrawBitmap(panel, i % Columns * PanelWidth, i / Columns * PanelHeight);
            }
        }

        using var image = SKImage.FromBitmap(sheet);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
