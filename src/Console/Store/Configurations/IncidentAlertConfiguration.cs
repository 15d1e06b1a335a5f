using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class IncidentAlertConfiguration : IEntityTypeConfiguration<IncidentAlert>
{
    public void Configure(EntityTypeBuilder<IncidentAlert> builder)
    {
        builder.ToTable("incident_alerts");
        builder.Property(a => a.Alert).HasMaxLength(64);
        builder.Property(a => a.Severity).HasMaxLength(16);
        builder.Property(a => a.LinkedBy).HasMaxLength(128);
        builder.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId);
        builder.HasIndex(a => new { a.IncidentId, a.Alert }).IsUnique();
        builder.HasIndex(a => a.Alert);
    }
}
