using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Features.Statistics;

/// <summary>
/// How much a topic was discussed in a month, over the meetings that count for the month figures (periodic, thematic or
/// combined, held or adopted):
/// <list type="bullet">
/// <item><see cref="Meetings"/>: meetings whose own topic (<c>Meeting.TopicId</c>) is the topic;</item>
/// <item><see cref="AgendaItems"/>: agenda items tagged with it (<c>AgendaItem.TopicId</c>; the thematic template tags the content items);</item>
/// <item><see cref="Remarks"/>: remarks on it — the remark's own tag, else its agenda item's, else its meeting's (the rule of the
/// campaign report's "chủ đề được góp ý nhiều nhất"), so members' remarks in a thematic meeting count for its topic.</item>
/// </list>
/// "Most discussed" orders by remarks, then meetings, then agenda items.
/// </summary>
public abstract class TopicMonthFigures
{
    public long Id { get; set; }
    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public int TopicId { get; set; }
    public int Meetings { get; set; }
    public int AgendaItems { get; set; }
    public int Remarks { get; set; }

    public (int Meetings, int AgendaItems, int Remarks) Values() => (Meetings, AgendaItems, Remarks);
}

/// <summary>One cell's month for one topic, recomputed with the cell's month (<see cref="Rollups"/>).</summary>
public class CellTopicMonthStat : TopicMonthFigures
{
    public int CellId { get; set; }
}

/// <summary>A node's month for one topic: the sum over the cells under it on the month's last day, like <see cref="NodeMonthStat"/>.</summary>
public class NodeTopicMonthStat : TopicMonthFigures
{
    public int NodeId { get; set; }
}

class CellTopicMonthStatConfiguration : IEntityTypeConfiguration<CellTopicMonthStat>
{
    public void Configure(EntityTypeBuilder<CellTopicMonthStat> b) => b.HasIndex(x => new { x.CellId, x.Month, x.TopicId }).IsUnique();
}

class NodeTopicMonthStatConfiguration : IEntityTypeConfiguration<NodeTopicMonthStat>
{
    public void Configure(EntityTypeBuilder<NodeTopicMonthStat> b) => b.HasIndex(x => new { x.NodeId, x.Month, x.TopicId }).IsUnique();
}
