// The newsroom's frame. It shows the sections a role opens; it does not guard
// them: every newsroom page, route handler and action checks the role itself.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NewsroomNav } from "@/components/newsroom/newsroom-nav";
import { getReader } from "@/lib/auth/get-reader";
import { hasRole } from "@/lib/auth/roles";
import "./admin.css";

export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s | Newsroom" },
  robots: { index: false },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const reader = await getReader();
  return (
    <div className="newsroom">
      {reader && hasRole(reader.role, "editor") && <NewsroomNav role={reader.role} />}
      <div className="newsroom-main">{children}</div>
    </div>
  );
}
