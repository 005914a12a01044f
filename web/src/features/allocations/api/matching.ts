import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type BodyOf, type ResponseOf } from "../../../lib/api";
import { allocationsKey } from "./plans";

export type MatchingProject = ResponseOf<
  "/api/matching/projects",
  "get"
>["items"][number];
export type ProjectInput = BodyOf<"/api/matching/projects", "post">;
export type MatchingPolicy = ResponseOf<"/api/matching/policies", "get">["items"][number];

export function useMatchingPolicies() {
  return useQuery({
    queryKey: [...allocationsKey, "matching-policies"],
    queryFn: () => unwrap(api.GET("/api/matching/policies")),
  });
}
export function useMatchingProjects(year: number | undefined) {
  return useQuery({
    queryKey: [...allocationsKey, "matching", year ?? null],
    queryFn: () =>
      unwrap(
        api.GET("/api/matching/projects", {
          params: { query: year ? { year } : {} },
        }),
      ),
  });
}
export function useRegisterProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectInput) =>
      unwrap(api.POST("/api/matching/projects", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: allocationsKey }),
  });
}
export function usePayMatching() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; amount: number }) =>
      unwrap(
        api.POST("/api/matching/projects/{id}/payments", {
          params: { path: { id: v.id } },
          body: { amount: v.amount },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: allocationsKey }),
  });
}
