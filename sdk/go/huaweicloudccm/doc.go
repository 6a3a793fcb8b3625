// Huawei Cloud Cloud Certificate Manager (CCM) private CAs and private certificates.
package huaweicloudccm
