// A lookup whose argument comes from outside the program (LOOKUP_STATUS), unchecked by the
// compiler: the lookup itself must refuse a bad one, naming the property and what is allowed.
import { type CaStatus, getPrivateCasOutput } from "pulumi-huaweicloud-ccm";

export const ids = getPrivateCasOutput({ status: process.env.LOOKUP_STATUS as CaStatus }).ids;
